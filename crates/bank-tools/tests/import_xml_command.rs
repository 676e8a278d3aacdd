//! `import` on Moodle XML and QTI, and `export --to qti`, as a person runs them: exit 0 when
//! everything converts, 2 when something was skipped (the bank is still written), 1 on error,
//! and `--strict` turning a skip into an error with nothing written; `export --to qti` writes a
//! package `import` reads back.

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

/// Exit code and everything said on stderr.
fn run(binary: &str, arguments: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(binary)
        .args(arguments)
        .output()
        .expect("the tool runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr)
}

fn import(arguments: &[&str]) -> (Option<i32>, String) {
    run(env!("CARGO_BIN_EXE_import"), arguments)
}

#[test]
fn everything_converted_is_exit_0() {
    let out = out_file("ok");
    let src = source("qti2/text-entries.xml");
    let (code, said) = import(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("(items 1, items written 1, items skipped 0)"),
        "{said}"
    );
    assert!(out.is_file());
}

#[test]
fn a_skip_is_exit_2_and_strict_makes_it_exit_1_without_writing() {
    let src = source("moodle/every-type.xml");
    let out = out_file("skip");
    let (code, said) = import(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(2), "{said}");
    assert!(
        said.contains("(questions 13, items written 9, questions skipped 4)"),
        "{said}"
    );
    assert!(out.is_file());
    let strict = out_file("strict");
    let (code, said) = import(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        strict.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(code, Some(1), "{said}");
    assert!(!strict.exists());
}

#[test]
fn an_unreadable_source_or_the_wrong_format_is_exit_1() {
    let out = out_file("error");
    let missing = import(&["--src", "/no/such/file.xml", "--out", out.to_str().unwrap()]);
    assert_eq!(missing.0, Some(1), "{}", missing.1);
    let src = source("moodle/every-type.xml");
    let (code, said) = import(&[
        "--src",
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "qti",
    ]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("<quiz> is not a QTI item, test or manifest"),
        "{said}"
    );
}

#[test]
fn export_to_qti_writes_a_zip_that_import_reads_back() {
    let bank = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/banks/sciences-fr.json");
    let zip = std::env::temp_dir().join(format!("export-qti-{}.zip", std::process::id()));
    let (code, said) = run(
        env!("CARGO_BIN_EXE_export"),
        &[
            "--bank",
            bank.to_str().unwrap(),
            "--to",
            "qti",
            "--out",
            zip.to_str().unwrap(),
        ],
    );
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("found 31 items, written 31 (8 media files), left out 0"),
        "{said}"
    );
    assert!(
        said.contains(
            "export: changed: skill etats-matiere: its description and prerequisites are not held"
        ),
        "{said}"
    );
    let out = out_file("zip");
    let (code, said) = import(&[
        "--src",
        zip.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("(items 31, items written 31, items skipped 0)"),
        "{said}"
    );
    assert!(out.parent().unwrap().join("media/glacon.svg").is_file());
    std::fs::remove_file(&zip).ok();
}
