//! The event builders are pure: timestamps as JavaScript's `toISOString` writes them.

use super::iso_timestamp;

#[test]
fn timestamps_read_as_javascript_writes_them() {
    let check = |millis: i64, expected: &str| assert_eq!(iso_timestamp(millis), expected);
    check(0, "1970-01-01T00:00:00.000Z");
    check(1_796_066_289_123, "2026-11-30T19:18:09.123Z");
    check(951_782_400_000, "2000-02-29T00:00:00.000Z");
    check(-1, "1969-12-31T23:59:59.999Z");
    check(253_402_300_799_999, "9999-12-31T23:59:59.999Z");
}
