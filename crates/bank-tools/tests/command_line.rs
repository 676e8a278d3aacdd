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
        broken_bank("skill-with-too-few-items.json"),
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

/// Runs `try-answers` on a bank with `input` on standard input; returns the exit code, standard
/// output and standard error.
fn try_answers(bank: &str, input: &str) -> (Option<i32>, String, String) {
    use std::io::Write;
    let bank = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("answer-banks")
        .join(bank);
    let mut child = Command::new(env!("CARGO_BIN_EXE_try-answers"))
        .arg(bank)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("try-answers runs");
    child
        .stdin
        .take()
        .expect("standard input")
        .write_all(input.as_bytes())
        .expect("the input is written");
    let output = child.wait_with_output().expect("try-answers ends");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn try_answers_prints_one_verdict_line_per_input_line() {
    let input = "longueur\t1,5 m\nlongueur\t150 cm\nlongueur\t1,5 kg\nlongueur\tun mètre\n\
                 formule#1\t6 cm²\nformule#2\thb = 2A\nformule#2\th = 2A/b\n\
                 fraction\t21/36\nfraction\t7/12\n";
    let (code, stdout, stderr) = try_answers("french.json", input);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout,
        "longueur\t1,5 m\tright\tok\n\
         longueur\t150 cm\tpartial\tunitAsked\n\
         longueur\t1,5 kg\twrong\twrongUnit\n\
         longueur\tun mètre\tunreadable\tnotANumber\n\
         formule#1\t6 cm²\tright\tok\n\
         formule#2\thb = 2A\tpartial\tnotSolvedFor\n\
         formule#2\th = 2A/b\tright\tok\n\
         fraction\t21/36\tpartial\tsimplestForm\n\
         fraction\t7/12\tright\tok\n"
    );
}

#[test]
fn try_answers_judges_the_first_variant_of_a_template_and_reports_bad_lines() {
    let (_, stdout, _) = try_answers("french.json", "somme\t0\n");
    assert!(stdout.starts_with("somme\t0\twrong\t"), "{stdout}");
    let (code, stdout, stderr) = try_answers("french.json", "personne\t1\nlongueur 1,5\n");
    assert_eq!((code, stdout.as_str()), (Some(1), ""));
    assert!(
        stderr.contains("\"personne\" is not an item of the bank"),
        "{stderr}"
    );
    assert!(stderr.contains("no tab"), "{stderr}");
}
