//! Wall-clock time for GitHub App authentication: Unix seconds now, and the two date formats
//! GitHub sends (the HTTP `Date` header, RFC 3339 `expires_at`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the Unix epoch (negative if the clock is set before 1970).
pub(crate) fn unix_now() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
        Err(e) => -i64::try_from(e.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, the form servers must send) as Unix
/// seconds; `None` for anything else.
pub(crate) fn parse_http_date(s: &str) -> Option<i64> {
    let rest = s.trim().split_once(", ")?.1;
    let mut parts = rest.split(' ');
    let day: u32 = number(parts.next()?, 2)?;
    let month_name = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == month_name)? as u32 + 1;
    let year: i64 = number(parts.next()?, 4)?.into();
    let seconds = time_of_day(parts.next()?)?;
    (parts.next()? == "GMT" && parts.next().is_none()).then_some(())?;
    Some(days_from_civil(year, month, day)? * 86_400 + seconds)
}

/// An RFC 3339 timestamp (`2016-07-11T22:14:10Z`, optional fraction and `±hh:mm` offset)
/// as Unix seconds; `None` if it is not one.
pub(crate) fn parse_rfc3339(s: &str) -> Option<i64> {
    let s = s.trim();
    let (date, time) = s.split_once(['T', 't', ' '])?;
    let mut d = date.split('-');
    let year: i64 = number(d.next()?, 4)?.into();
    let month = number(d.next()?, 2)?;
    let day = number(d.next()?, 2)?;
    d.next().is_none().then_some(())?;
    let (clock, offset) = match time.find(['Z', 'z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => return None,
    };
    let clock = clock
        .split_once('.')
        .map_or(clock, |(whole, _fraction)| whole);
    let offset = match offset {
        "Z" | "z" => 0,
        o => {
            let sign = if o.starts_with('-') { -1 } else { 1 };
            let (h, m) = o[1..].split_once(':')?;
            let (h, m): (i64, i64) = (number(h, 2)?.into(), number(m, 2)?.into());
            (h < 24 && m < 60).then_some(())?;
            sign * (h * 3600 + m * 60)
        }
    };
    Some(days_from_civil(year, month, day)? * 86_400 + time_of_day(clock)? - offset)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Exactly `digits` ASCII digits.
fn number(s: &str, digits: usize) -> Option<u32> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `hh:mm:ss` as seconds since midnight (a leap second `60` is accepted).
fn time_of_day(s: &str) -> Option<i64> {
    let mut p = s.split(':');
    let h = number(p.next()?, 2)?;
    let m = number(p.next()?, 2)?;
    let sec = number(p.next()?, 2)?;
    (p.next().is_none() && h < 24 && m < 60 && sec <= 60).then_some(())?;
    Some(i64::from(h * 3600 + m * 60 + sec))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
