//! Date-time fields and parameters (`Timestamp`): with the `timestamps` feature a malformed
//! date never fails the decode of an answer and stays readable; without it they are `String`.

use github_rest_client::{models, runtime::Client, Timestamp};
use serde_json::{json, Value};

/// An `Issue` with every required field, its dates as given.
fn issue(created_at: Value, updated_at: Value, closed_at: Value) -> Value {
    json!({
        "assignee": null, "closed_at": closed_at, "comments": 0,
        "comments_url": "https://api.github.com/repos/o/r/issues/1/comments",
        "created_at": created_at, "events_url": "https://api.github.com/repos/o/r/issues/1/events",
        "html_url": "https://github.com/o/r/issues/1", "id": 1, "labels": [],
        "labels_url": "https://api.github.com/repos/o/r/issues/1/labels{/name}", "locked": false,
        "milestone": null, "node_id": "I_1", "number": 1,
        "repository_url": "https://api.github.com/repos/o/r", "state": "open", "title": "t",
        "updated_at": updated_at, "url": "https://api.github.com/repos/o/r/issues/1", "user": null
    })
}

/// The query a builder would send, as its `Debug` shows it.
fn shown(since: impl Into<Timestamp>) -> String {
    let client = Client::builder().build().unwrap();
    let req = client.issues().list_for_repo("o", "r").since(since).build();
    format!("{req:?}")
}

#[cfg(feature = "timestamps")]
mod typed {
    use super::*;
    use chrono::{TimeZone, Utc};

    #[test]
    fn a_malformed_created_at_decodes_and_shows_what_came() {
        let body = issue(
            json!("yesterday at noon"),
            json!("2011-04-22T13:33:48Z"),
            json!(null),
        );
        let issue: models::Issue = serde_json::from_value(body).expect("the issue decodes");
        assert_eq!(issue.created_at.get(), None);
        assert_eq!(issue.created_at.unparsed(), Some("yesterday at noon"));
        assert_eq!(issue.created_at.to_string(), "yesterday at noon");
        let updated = Utc.with_ymd_and_hms(2011, 4, 22, 13, 33, 48).unwrap();
        assert_eq!(issue.updated_at.get(), Some(updated));
        assert_eq!(issue.updated_at, Timestamp::At(updated));
        assert_eq!(issue.closed_at, None);
        // Written back as it came: the parsed value as RFC 3339, the text as it was.
        let again = serde_json::to_value(&issue).unwrap();
        assert_eq!(again["created_at"], "yesterday at noon");
        assert_eq!(again["updated_at"], "2011-04-22T13:33:48Z");
    }

    #[test]
    fn offsets_fractions_and_numbers() {
        let body = issue(
            json!("2011-04-22T15:33:48.250+02:00"),
            json!(1303479228),
            json!("2011-04-22"),
        );
        let issue: models::Issue = serde_json::from_value(body).expect("the issue decodes");
        let at = Utc.with_ymd_and_hms(2011, 4, 22, 13, 33, 48).unwrap()
            + chrono::Duration::milliseconds(250);
        assert_eq!(issue.created_at.get(), Some(at));
        assert_eq!(issue.created_at.to_string(), "2011-04-22T13:33:48.250Z");
        // A number or a date without a time is kept as text, not guessed at.
        assert_eq!(issue.updated_at.unparsed(), Some("1303479228"));
        let closed = issue.closed_at.expect("present");
        assert_eq!(closed.unparsed(), Some("2011-04-22"));
        // An object is no date-time: that is an error, as it is for a `String` field.
        let bad = super::issue(json!({"at": 1}), json!("x"), json!(null));
        let err = serde_json::from_value::<models::Issue>(bad).unwrap_err();
        assert!(err.to_string().contains("date-time"), "{err}");
    }

    #[test]
    fn parsed_values_sort_by_time_before_unparsed_text() {
        let mut all = [
            Timestamp::from("zzz"),
            Timestamp::from("2020-01-01T00:00:00+01:00"),
            Timestamp::from(String::from("2019-12-31T23:30:00Z")),
            Timestamp::from("aaa"),
        ];
        all.sort();
        let shown: Vec<String> = all.iter().map(Timestamp::to_string).collect();
        assert_eq!(
            shown,
            ["2019-12-31T23:00:00Z", "2019-12-31T23:30:00Z", "aaa", "zzz"]
        );
    }

    #[test]
    fn a_parameter_is_sent_as_rfc3339() {
        let at = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
        let sent = shown(at);
        assert!(sent.contains("2024-05-01T12:00:00Z"), "{sent}");
        // Text still works (parsed when it can be, sent in UTC).
        let sent = shown("2024-05-01T14:00:00+02:00");
        assert!(sent.contains("2024-05-01T12:00:00Z"), "{sent}");
        assert!(shown("last tuesday").contains("last tuesday"));
    }
}

#[cfg(not(feature = "timestamps"))]
mod text {
    use super::*;

    #[test]
    fn without_the_feature_dates_are_the_text_as_sent() {
        let body = issue(
            json!("yesterday"),
            json!("2011-04-22T13:33:48Z"),
            json!(null),
        );
        let issue: models::Issue = serde_json::from_value(body).expect("the issue decodes");
        let created: String = issue.created_at;
        assert_eq!(created, "yesterday");
        assert_eq!(issue.updated_at, "2011-04-22T13:33:48Z");
        let sent = shown("2024-05-01T12:00:00Z");
        assert!(sent.contains("2024-05-01T12:00:00Z"), "{sent}");
    }
}
