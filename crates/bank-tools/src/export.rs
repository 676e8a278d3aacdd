//! Exporters: a bank written in another format, with a note for everything that format cannot
//! hold (the importers' [`ImportNote`](crate::import::ImportNote), whose source is the item id).
//! `gift` writes Moodle's GIFT; `qti` writes a QTI 3.0 package; [`zip_entries`] writes a `.zip`
//! of named files (the QTI package, the authoring page's ready-made page).

pub mod gift;
pub mod qti;

use std::io::{Seek, Write};

use adaptive_practice_engine::bank::{Blank, ItemKind};
use adaptive_practice_engine::{check_response, Response};

/// Writes `entries` (a path inside the archive, with `/` between folders, and the file's bytes)
/// to `out` as a `.zip`, each file deflated; returns `out`.
pub fn zip_entries<'a, W: Write + Seek>(
    entries: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    out: W,
) -> Result<W, String> {
    let mut writer = zip::ZipWriter::new(out);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        writer
            .start_file(name, options)
            .map_err(|error| format!("cannot add {name} to the zip: {error}"))?;
        writer
            .write_all(bytes)
            .map_err(|error| format!("cannot add {name} to the zip: {error}"))?;
    }
    writer.finish().map_err(|error| error.to_string())
}

/// The options of a drop-down gap that the gap judges right, by place: the gap's own judgement
/// (an option may be right as a number, `100.0` for `100`), so an exporter marks what the
/// widget would accept.
pub(crate) fn right_drop_down_options(blank: &Blank) -> Vec<usize> {
    let gap = ItemKind::FillBlanks {
        blanks: vec![blank.clone()],
    };
    blank
        .choices
        .iter()
        .enumerate()
        .filter(|(_, option)| {
            check_response(&gap, &Response::Blanks(vec![(*option).clone()]))
                .is_ok_and(|outcome| outcome.correct)
        })
        .map(|(index, _)| index)
        .collect()
}

#[cfg(test)]
mod zip_tests {
    use std::io::{Cursor, Read};

    use super::zip_entries;

    #[test]
    fn zip_entries_are_read_back_by_name_with_their_bytes() {
        let wasm = vec![0u8, 97, 115, 109, 1, 0, 0, 0];
        let page = "<!doctype html>\n<title>Fractions</title>\n".repeat(50);
        let entries = [
            ("index.html", page.as_bytes()),
            (
                "adaptive-practice/adaptive_practice_bg.wasm",
                wasm.as_slice(),
            ),
            ("adaptive-practice/i18n/fr.json", b"{}".as_slice()),
        ];
        let zipped = zip_entries(entries, Cursor::new(Vec::new()))
            .expect("zipped")
            .into_inner();
        assert!(
            zipped.len() < page.len(),
            "deflated: {} bytes",
            zipped.len()
        );
        let mut archive = zip::ZipArchive::new(Cursor::new(zipped)).expect("a zip");
        assert_eq!(archive.len(), 3);
        for (name, bytes) in entries {
            let mut file = archive.by_name(name).expect(name);
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
            let mut read = Vec::new();
            file.read_to_end(&mut read).expect("read");
            assert_eq!(read, bytes, "{name}");
        }
    }
}
