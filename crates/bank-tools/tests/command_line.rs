//! The binaries as a person runs them: exit codes and the summary line of `check-bank`, and the
//! usage message of `import-oatutor`.

use std::path::PathBuf;
use std::process::Command;

fn broken_bank(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("broken-banks")
        .join(name)
}

/// Runs `check-bank` on the files; returns its exit code and the last line it printed.
fn check_bank(files: &[PathBuf]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-bank"))
        .args(files)
        .output()
        .expect("check-bank runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    (
        output.status.code(),
        stdout.lines().last().unwrap_or_default().to_string(),
    )
}

#[test]
fn check_bank_exit_codes_follow_the_worst_finding() {
    assert_eq!(
        check_bank(&[broken_bank("skill-with-too-few-items.json")]),
        (Some(0), "0 error(s), 1 warning(s)".into())
    );
    assert_eq!(
        check_bank(&[broken_bank("unknown-skill.json")]),
        (Some(1), "1 error(s), 0 warning(s)".into())
    );
    let both = [
        broken_bank("unknown-skill.json"),
        broken_bank("missing-media-file.json"),
    ];
    assert_eq!(
        check_bank(&both),
        (Some(1), "1 error(s), 1 warning(s)".into())
    );
    let with_missing_file = [
        broken_bank("unknown-skill.json"),
        broken_bank("no-such-bank.json"),
    ];
    assert_eq!(
        check_bank(&with_missing_file),
        (Some(2), "1 error(s), 0 warning(s)".into())
    );
}

#[test]
fn import_oatutor_without_arguments_prints_its_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_import-oatutor"))
        .output()
        .expect("import-oatutor runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("usage: import-oatutor --src"));
}
