//! The report reader (the teacher page's `readReports`) on arbitrary bytes (as UTF-8): it returns
//! a `ReportError`, never panics; a report that reads writes and reads back the same, and the
//! plausibility rules run on it.
#![no_main]
use adaptive_practice_engine::progress::plausibility::check_report;
use adaptive_practice_engine::report::read_report;
use adaptive_practice_engine::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match read_report(text) {
        Ok(report) => {
            let written = serde_json::to_string(&report).expect("a report serializes");
            assert_eq!(read_report(&written).as_ref(), Ok(&report));
            for reason in check_report(&report, Timestamp(1_800_000_000_000)) {
                let _ = reason.to_string();
            }
        }
        Err(error) => {
            let _ = (error.kind(), error.to_string());
        }
    }
});
