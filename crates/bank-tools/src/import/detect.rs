//! Which format a source is in, told by its content, in one place for the command line and the
//! authoring page: a `content-pool/` folder is OATutor, an `imsmanifest.xml` a QTI package, and
//! otherwise the first file that tells (the root element of XML, a `{…}` answer block of text).

use std::path::Path;

use super::{Format, SourceFiles};

/// The format of a path's content (see [`detect_files_format`]); `None` when it cannot be read.
pub fn detect_format(path: &Path) -> Option<Format> {
    detect_files_format(&SourceFiles::read_path(path).ok()?)
}

/// The format of a source, by content, for the command line and the page alike: a
/// `content-pool/` folder is OATutor; an `imsmanifest.xml` is a QTI package; otherwise the first
/// file that tells: XML whose root is `<quiz>` is Moodle XML, a QTI item, test or manifest is
/// QTI; a `.gift` file is GIFT, and so is other text with a `{…}` answer block.
pub fn detect_files_format(files: &SourceFiles) -> Option<Format> {
    if files.has_folder("content-pool") {
        return Some(Format::Oatutor);
    }
    if files.contains("imsmanifest.xml") {
        return Some(Format::Qti);
    }
    files.paths().find_map(|path| {
        let bytes = files.get(path).unwrap_or_default();
        file_format(path, &bytes[..bytes.len().min(64 * 1024)])
    })
}

/// The format of one file from its name and its first bytes.
pub fn file_format(path: &str, start: &[u8]) -> Option<Format> {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".gift") {
        return Some(Format::Gift);
    }
    let text = String::from_utf8_lossy(start);
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('<') {
        return xml_format(trimmed);
    }
    let may_be_gift = lower.ends_with(".txt") || !lower.rsplit('/').next()?.contains('.');
    (may_be_gift && trimmed.contains('{') && trimmed.contains('}')).then_some(Format::Gift)
}

/// Moodle XML or QTI from the name of the root element (after the declaration and comments).
fn xml_format(text: &str) -> Option<Format> {
    let mut rest = text;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>")? + 2..];
        } else if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->")? + 3..];
        } else if let Some(after) = rest.strip_prefix("<!") {
            rest = &after[after.find('>')? + 1..];
        } else {
            break;
        }
    }
    let name: String = rest
        .strip_prefix('<')?
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let local = name.rsplit(':').next().unwrap_or_default();
    match local {
        "quiz" => Some(Format::MoodleXml),
        "assessmentItem"
        | "qti-assessment-item"
        | "assessmentTest"
        | "qti-assessment-test"
        | "manifest"
        | "questestinterop" => Some(Format::Qti),
        _ => None,
    }
}
