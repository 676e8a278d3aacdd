//! Tests of the importers' shared entry points: format detection by content, the in-memory
//! entry point the authoring page calls against the path-based one the command line calls, and
//! zips read in memory.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::source_files::normalize;
use super::*;

fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A zip made in memory of `(path, bytes)` entries.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (path, bytes) in entries {
        writer.start_file(*path, options).expect("an entry starts");
        writer.write_all(bytes).expect("an entry is written");
    }
    writer.finish().expect("the zip ends").into_inner()
}

/// The files of a fixture folder as zip entries under `prefix`.
fn folder_entries(folder: &Path, prefix: &str) -> Vec<(String, Vec<u8>)> {
    let files = SourceFiles::read_path(folder).expect("the folder reads");
    files
        .paths()
        .map(|path| {
            (
                format!("{prefix}{path}"),
                files.get(path).unwrap_or_default().to_vec(),
            )
        })
        .collect()
}

fn zip_of_folder(folder: &Path, prefix: &str) -> Vec<u8> {
    let entries = folder_entries(folder, prefix);
    let borrowed: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    zip_of(&borrowed)
}

fn detect_bytes(name: &str, bytes: &[u8]) -> Option<Format> {
    detect_files_format(&SourceFiles::from_bytes(name, bytes.to_vec()).ok()?)
}

/// What an import gives, as text a test compares whole: counts, notes, items, media.
fn outcome(imported: &ImportedBank) -> String {
    let items: Vec<String> = imported
        .bank
        .items
        .iter()
        .map(|item| item.id.clone())
        .collect();
    let media: Vec<String> = imported
        .media
        .iter()
        .map(|file| format!("{} ({} bytes)", file.address, file.bytes.len()))
        .collect();
    format!(
        "{}\nitems: {}\nmedia: {}\n{}",
        imported.summary_line(),
        items.join(", "),
        media.join(", "),
        imported
            .notes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    )
}

#[test]
fn a_single_file_is_told_by_its_content() {
    let cases: [(&str, &str, Option<Format>); 10] = [
        ("quiz.gift", "anything", Some(Format::Gift)),
        ("quiz.txt", "// c\n::a:: Q {T}", Some(Format::Gift)),
        ("quiz.txt", "no answer block", None),
        (
            "moodle.xml",
            "\u{feff}<?xml version=\"1.0\"?>\n<!-- x -->\n<quiz>",
            Some(Format::MoodleXml),
        ),
        // The content decides, not the name: a Moodle export saved as .txt is Moodle XML.
        (
            "export.txt",
            "<quiz><question/></quiz>",
            Some(Format::MoodleXml),
        ),
        (
            "item.xml",
            "<?xml version=\"1.0\"?><!DOCTYPE x><assessmentItem>",
            Some(Format::Qti),
        ),
        (
            "item3.xml",
            "<qti-assessment-item xmlns=\"x\">",
            Some(Format::Qti),
        ),
        ("imsmanifest.xml", "<manifest>", Some(Format::Qti)),
        ("page.xml", "<html><body>{x}</body></html>", None),
        ("notes.md", "no answers", None),
    ];
    for (name, text, expected) in cases {
        assert_eq!(
            detect_bytes(name, text.as_bytes()),
            expected,
            "{name}: {text}"
        );
    }
}

#[test]
fn a_zip_is_told_by_what_it_holds() {
    let package = zip_of_folder(&fixture("tests/xml-sources/qti3-package"), "");
    assert_eq!(detect_bytes("package.zip", &package), Some(Format::Qti));
    // The bytes decide: a zip renamed .bin is still read as a zip.
    assert_eq!(detect_bytes("package.bin", &package), Some(Format::Qti));
    let moodle = std::fs::read(fixture("tests/xml-sources/moodle/every-type.xml")).unwrap();
    assert_eq!(
        detect_bytes("export.zip", &zip_of(&[("export/quiz.xml", &moodle)])),
        Some(Format::MoodleXml)
    );
    let oatutor = zip_of(&[("course/content-pool/p1/p1.json", b"{}")]);
    assert_eq!(detect_bytes("course.zip", &oatutor), Some(Format::Oatutor));
    assert_eq!(detect_bytes("empty.zip", &zip_of(&[])), None);
    assert!(SourceFiles::from_bytes("broken.zip", b"PK\x03\x04 not really".to_vec()).is_err());
}

#[test]
fn a_folder_is_told_by_its_files() {
    assert_eq!(
        detect_format(&fixture("tests/xml-sources/qti3-package")),
        Some(Format::Qti)
    );
    // An imsmanifest.xml named alone stands for its package.
    assert_eq!(
        detect_format(&fixture("tests/xml-sources/qti3-package/imsmanifest.xml")),
        Some(Format::Qti)
    );
    assert_eq!(
        detect_format(&fixture("tests/xml-sources/moodle")),
        Some(Format::MoodleXml)
    );
    assert_eq!(detect_format(&fixture("tests/no-such-folder")), None);
}

#[test]
fn the_page_and_the_command_line_import_the_same() {
    let sources = [
        "tests/xml-sources/moodle/every-type.xml",
        "tests/xml-sources/qti2/choice-feedback.xml",
        "tests/xml-sources/qti2/essay.xml",
        "tests/gift/every-construct.gift",
    ];
    for source in sources {
        let path = fixture(source);
        let from_path = import_path(&path, None, ImportOptions::default()).expect(source);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let (_, from_bytes) = import_bytes(&name, bytes, ImportOptions::default()).expect(source);
        // Compared as JSON: a template's answer is NaN in the bank, never equal to itself.
        assert_eq!(
            bank_json(&from_bytes.bank).unwrap(),
            bank_json(&from_path.bank).unwrap(),
            "{source}"
        );
        assert_eq!(outcome(&from_bytes), outcome(&from_path), "{source}");
        assert!(from_path.found().1 > 0, "{source}: {}", outcome(&from_path));
    }
}

#[test]
fn a_zipped_package_imports_as_its_folder_in_memory() {
    let folder = fixture("tests/xml-sources/qti3-package");
    let from_folder = import_path(&folder, None, ImportOptions::default()).unwrap();
    // Zipped as its files, and zipped with its folder around them.
    for prefix in ["", "qti3-package/"] {
        let zip = zip_of_folder(&folder, prefix);
        let (format, from_zip) =
            import_bytes("qti3-package.zip", zip, ImportOptions::default()).unwrap();
        assert_eq!(format, Format::Qti);
        assert_eq!(from_zip.bank, from_folder.bank, "prefix {prefix:?}");
        assert_eq!(
            outcome(&from_zip),
            outcome(&from_folder),
            "prefix {prefix:?}"
        );
    }
    expect_test::expect![[r#"
        items 3, items written 3, items skipped 0
        items: triangle, area, capital
        media: media/images/triangle.svg (128 bytes)
        left out: items/area.xml (line 11): a rubric block for "scorer" is left out (not for learners)"#]]
    .assert_eq(&outcome(&from_folder));
}

#[test]
fn zip_entries_that_would_leave_the_source_are_dropped() {
    let zip = zip_of(&[
        ("../escaped.xml", b"<assessmentItem/>"),
        ("/absolute.xml", b"<assessmentItem/>"),
        ("__MACOSX/._item.xml", b"junk"),
        ("kept/item.xml", b"<assessmentItem/>"),
    ]);
    let files = SourceFiles::from_bytes("package.zip", zip).unwrap();
    let paths: Vec<&str> = files.paths().collect();
    assert_eq!(paths, vec!["absolute.xml", "kept/item.xml"]);
}

#[test]
fn an_unknown_source_says_what_the_page_takes() {
    let error = import_bytes("photo.png", b"\x89PNG".to_vec(), ImportOptions::default())
        .expect_err("a picture is no quiz");
    assert_eq!(
        error.to_string(),
        "cannot tell the format of photo.png: it is neither GIFT, Moodle XML (<quiz>), QTI (an \
         item, a test or an imsmanifest.xml) nor an OATutor folder"
    );
    let error = import_bytes(
        "quiz.xml",
        b"<quiz><question".to_vec(),
        ImportOptions::default(),
    )
    .expect_err("broken XML is refused");
    assert!(
        error
            .to_string()
            .starts_with("moodle-xml import: quiz.xml: not well-formed XML"),
        "{error}"
    );
}

#[test]
fn links_are_resolved_inside_the_source() {
    assert_eq!(
        normalize("items", "../images/a b.svg").as_deref(),
        Some("images/a b.svg")
    );
    assert_eq!(
        normalize("items", "./x%20y.png?v=2#top").as_deref(),
        Some("items/x y.png")
    );
    assert_eq!(normalize("", "../outside.xml"), None);
    assert_eq!(normalize("items", "../../outside.xml"), None);
    assert_eq!(normalize("", "/etc/passwd"), None);
    assert_eq!(normalize("", "C:/x.png"), None);
    assert_eq!(normalize("", "https://example.org/x.png"), None);
}

#[test]
fn a_zipped_oatutor_folder_imports_as_the_folder() {
    let folder = std::env::temp_dir().join(format!("oatutor-zip-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let mut entries: Vec<(String, Vec<u8>)> = Vec::new();
    for (path, text) in oatutor::tests::MADE_UP_FOLDER {
        let file = folder.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, text).unwrap();
        entries.push((format!("course/{path}"), text.as_bytes().to_vec()));
    }
    let from_folder = import_path(&folder, None, ImportOptions::default()).unwrap();
    std::fs::remove_dir_all(&folder).ok();
    let borrowed: Vec<(&str, &[u8])> = entries
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.as_slice()))
        .collect();
    let (format, from_zip) =
        import_bytes("course.zip", zip_of(&borrowed), ImportOptions::default()).unwrap();
    assert_eq!(format, Format::Oatutor);
    assert_eq!(
        bank_json(&from_zip.bank).unwrap(),
        bank_json(&from_folder.bank).unwrap()
    );
    assert_eq!(outcome(&from_zip), outcome(&from_folder));
    assert_eq!(
        (from_zip.found(), from_zip.bank.items.len()),
        (("problems", 6), 1),
        "{}",
        outcome(&from_zip)
    );
}

#[test]
fn a_test_file_named_alone_finds_its_items_and_pictures_beside_it_on_disk() {
    let folder = fixture("tests/xml-sources/qti3-package");
    let from_test = import_path(&folder.join("test.xml"), None, ImportOptions::default()).unwrap();
    let from_folder = import_path(&folder, None, ImportOptions::default()).unwrap();
    assert_eq!(outcome(&from_test), outcome(&from_folder));
    // The same file dropped on the page has no folder: its items are missing, and said so.
    let bytes = std::fs::read(folder.join("test.xml")).unwrap();
    let (_, dropped) = import_bytes("test.xml", bytes, ImportOptions::default()).unwrap();
    assert_eq!(
        dropped.skipped_notes()[0],
        "skipped: items/triangle.xml: cannot be read: the file is not in the package"
    );
    assert!(dropped.bank.items.is_empty());
}
