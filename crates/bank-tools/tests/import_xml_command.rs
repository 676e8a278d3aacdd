//! `import-xml` and `export-qti` as a person runs them: exit 0 when everything converts, 2 when
//! something was skipped (the bank is still written), 1 on error, and `--strict` turning a skip
//! into an error with nothing written; `export-qti` writes a package `import-xml` reads back.

use std::path::{Path, PathBuf};
use std::process::Command;

fn source(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/xml-sources")
        .join(relative)
}

fn out_file(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("import-xml-{}-{name}", std::process::id()));
    std::fs::remove_dir_all(&folder).ok();
    folder.join("bank.json")
}

/// Exit code and the last line on stderr.
fn import_xml(arguments: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_import-xml"))
        .args(arguments)
        .output()
        .expect("import-xml runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (
        output.status.code(),
        stderr.lines().last().unwrap_or_default().to_string(),
    )
}

#[test]
fn everything_converted_is_exit_0() {
    let out = out_file("ok");
    let src = source("qti2/text-entries.xml");
    let (code, last) = import_xml(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{last}");
    assert!(
        last.ends_with("items 1, items written 1, items skipped 0"),
        "{last}"
    );
    assert!(out.is_file());
}

#[test]
fn a_skip_is_exit_2_and_strict_makes_it_exit_1_without_writing() {
    let src = source("moodle/every-type.xml");
    let out = out_file("skip");
    let (code, last) = import_xml(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2), "{last}");
    assert!(
        last.ends_with("questions 13, items written 9, questions skipped 4"),
        "{last}"
    );
    assert!(out.is_file());
    let strict = out_file("strict");
    let (code, last) = import_xml(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        strict.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(code, Some(1), "{last}");
    assert!(!strict.exists());
}

#[test]
fn an_unreadable_source_or_wrong_arguments_are_exit_1() {
    let out = out_file("error");
    assert_eq!(
        import_xml(&["--src", "/no/such/file.xml", "--out", out.to_str().unwrap()]).0,
        Some(1)
    );
    assert_eq!(import_xml(&["--src"]).0, Some(1));
    let src = source("moodle/every-type.xml");
    let (code, last) = import_xml(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "qti",
    ]);
    assert_eq!(code, Some(1), "{last}");
}

#[test]
fn export_qti_writes_a_zip_that_import_xml_reads_back() {
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/banks/sciences-fr.json");
    let zip = std::env::temp_dir().join(format!("export-qti-{}.zip", std::process::id()));
    let output = Command::new(env!("CARGO_BIN_EXE_export-qti"))
        .args([
            "--bank",
            bank.to_str().unwrap(),
            "--out",
            zip.to_str().unwrap(),
        ])
        .output()
        .expect("export-qti runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("(31 items, 8 media files)"), "{stderr}");
    let out = out_file("zip");
    let (code, last) = import_xml(&[
        "--src",
        zip.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{last}");
    assert!(
        last.contains("(8 media files): items 31, items written 31, items skipped 0"),
        "{last}"
    );
    assert!(out.parent().unwrap().join("media/glacon.svg").is_file());
    std::fs::remove_file(&zip).ok();
}
