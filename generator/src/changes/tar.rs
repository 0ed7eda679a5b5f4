//! The regular files of a tar archive in memory (what `git archive` writes: ustar headers, pax
//! `path=` records for long names, a global pax header carrying the commit id).

/// `(path, contents)` of every regular file, in archive order.
pub(super) fn files(tar: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut long_path: Option<String> = None;
    while at + 512 <= tar.len() {
        let header = &tar[at..at + 512];
        if header.iter().all(|&b| b == 0) {
            break;
        }
        let size = octal(&header[124..136]).ok_or("bad size in a tar header")?;
        let start = at + 512;
        let end = start
            .checked_add(size)
            .filter(|&e| e <= tar.len())
            .ok_or("truncated tar")?;
        let data = &tar[start..end];
        match header[156] {
            b'x' => long_path = pax_path(data),
            b'0' | 0 => {
                let path = long_path.take().unwrap_or_else(|| ustar_path(header));
                out.push((path, data.to_vec()));
            }
            _ => long_path = None,
        }
        at = start + size.div_ceil(512) * 512;
    }
    Ok(out)
}

fn text(field: &[u8]) -> &str {
    let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    std::str::from_utf8(&field[..end]).unwrap_or("")
}

fn octal(field: &[u8]) -> Option<usize> {
    let t = text(field).trim();
    usize::from_str_radix(if t.is_empty() { "0" } else { t }, 8).ok()
}

/// `prefix/name` of a ustar header.
fn ustar_path(header: &[u8]) -> String {
    let (name, prefix) = (text(&header[0..100]), text(&header[345..500]));
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}/{name}")
    }
}

/// The `path=` record of a pax extended header (`"<len> path=<value>\n"` records).
fn pax_path(data: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(data).ok()?;
    text.lines()
        .filter_map(|r| r.split_once(' ').map(|(_, kv)| kv))
        .find_map(|kv| kv.strip_prefix("path=").map(str::to_owned))
}
