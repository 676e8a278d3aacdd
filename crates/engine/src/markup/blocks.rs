//! Block Markdown, line by line: paragraphs, headings, lists, quotes, fenced code, `$$` display
//! math, images and audio on lines of their own, and rules.
//!
//! Indented code blocks and setext headings are not part of the subset: authors indent text
//! freely, and `---` is always a rule.

use super::inline::parse_inlines;
use super::math::parse_math;
use super::{
    excerpt, is_allowed_url, plain_text_of_inlines, report, Block, Inline, MarkupProblem,
    MAX_NESTING,
};
use crate::find_text::{find_text, has_text, split_at_text};

const AUDIO_EXTENSIONS: &[&str] = &[".mp3", ".ogg", ".wav", ".m4a"];

/// Parses lines (without their line ends) into blocks; `depth` counts enclosing lists and quotes.
pub(super) fn parse_blocks(
    lines: &[&str],
    depth: usize,
    problems: &mut Vec<MarkupProblem>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index];
        if is_blank(line) {
            index += 1;
            continue;
        }
        if depth >= MAX_NESTING {
            let message =
                "lists or quotes are nested too deeply; the inner part is shown as plain text";
            report(problems, message.to_string());
            let rest = crate::text_rules::join_texts(&lines[index..], "\n");
            blocks.push(Block::Paragraph(vec![Inline::Text(
                rest.trim().to_string(),
            )]));
            break;
        }
        let trimmed = line.trim_start_matches([' ', '\t']);
        index = if let Some(fence) = code_fence(trimmed) {
            parse_code_block(lines, index, fence, &mut blocks, problems)
        } else if let Some((source, next_index)) = display_math_at(lines, index) {
            blocks.push(Block::DisplayMath(parse_math(&source, problems)));
            next_index
        } else if let Some((level, text)) = heading(trimmed) {
            blocks.push(Block::Heading(level, parse_inlines(text, problems)));
            index + 1
        } else if is_rule(trimmed) {
            blocks.push(Block::Rule);
            index + 1
        } else if trimmed.starts_with('>') {
            parse_quote(lines, index, depth, &mut blocks, problems)
        } else if list_marker(line).is_some() {
            parse_list(lines, index, depth, &mut blocks, problems)
        } else if let Some((alt, source)) = media_parts(trimmed) {
            blocks.push(media_block(alt, source, problems));
            index + 1
        } else {
            parse_paragraph(lines, index, &mut blocks, problems)
        };
    }
    blocks
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Whether the line at `index` starts a block and so ends a paragraph before it.
fn starts_block(lines: &[&str], index: usize) -> bool {
    let line = lines[index];
    let trimmed = line.trim_start_matches([' ', '\t']);
    code_fence(trimmed).is_some()
        || heading(trimmed).is_some()
        || is_rule(trimmed)
        || trimmed.starts_with('>')
        || list_marker(line).is_some_and(|marker| marker.can_interrupt_paragraph)
        || media_parts(trimmed).is_some()
        || (trimmed.starts_with("$$") && display_math_at(lines, index).is_some())
}

/// ```` ``` ```` or `~~~` (three or more): the fence character and length.
fn code_fence(trimmed: &str) -> Option<(char, usize)> {
    let fence_character = trimmed.chars().next().filter(|&c| c == '`' || c == '~')?;
    let length = trimmed
        .chars()
        .take_while(|&c| c == fence_character)
        .count();
    let info = &trimmed[length..];
    if length < 3 || (fence_character == '`' && has_text(info, "`")) {
        return None;
    }
    Some((fence_character, length))
}

fn parse_code_block(
    lines: &[&str],
    start: usize,
    (fence_character, fence_length): (char, usize),
    blocks: &mut Vec<Block>,
    problems: &mut Vec<MarkupProblem>,
) -> usize {
    let fence_indent = indentation_columns(lines[start]);
    let mut code_lines = Vec::new();
    let mut index = start + 1;
    while index < lines.len() {
        let trimmed = lines[index].trim();
        let closing_length = trimmed
            .chars()
            .take_while(|&c| c == fence_character)
            .count();
        if closing_length >= fence_length && trimmed.chars().all(|c| c == fence_character) {
            blocks.push(Block::Code(crate::text_rules::join_texts(
                &code_lines,
                "\n",
            )));
            return index + 1;
        }
        code_lines.push(strip_columns(lines[index], fence_indent));
        index += 1;
    }
    report(
        problems,
        "a code block is never closed with its fence".to_string(),
    );
    blocks.push(Block::Code(crate::text_rules::join_texts(
        &code_lines,
        "\n",
    )));
    index
}

/// A `$$` at the start of the line at `index` and a `$$` that ends this or a later line, with no
/// blank line between: the math source and the index after the block.
fn display_math_at(lines: &[&str], index: usize) -> Option<(String, usize)> {
    let after_opener = lines[index].trim().strip_prefix("$$")?;
    if let Some(end) = find_closing_double_dollar(after_opener) {
        let is_alone = after_opener[end + 2..].trim().is_empty();
        return is_alone.then(|| (after_opener[..end].to_string(), index + 1));
    }
    let mut source = after_opener.to_string();
    for (offset, line) in lines[index + 1..].iter().enumerate() {
        if is_blank(line) {
            return None;
        }
        source.push('\n');
        if let Some(end) = find_closing_double_dollar(line) {
            source.push_str(&line[..end]);
            return line[end + 2..]
                .trim()
                .is_empty()
                .then_some((source, index + offset + 2));
        }
        source.push_str(line);
    }
    None
}

/// The byte index of the first `$$` not preceded by a backslash.
fn find_closing_double_dollar(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(found) = find_text(&text[from..], "$$") {
        let index = from + found;
        if !text[..index].ends_with('\\') {
            return Some(index);
        }
        from = index + 2;
    }
    None
}

/// `#`, `##` or `###` and a space: the level (deeper headings count as 3) and the text.
fn heading(trimmed: &str) -> Option<(u8, &str)> {
    let hashes = trimmed.chars().take_while(|&c| c == '#').count();
    let rest = &trimmed[hashes..];
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    let without_closing_hashes = text.trim_end_matches('#');
    if without_closing_hashes.is_empty() || without_closing_hashes.ends_with([' ', '\t']) {
        text = without_closing_hashes.trim_end();
    }
    Some((hashes.min(3) as u8, text))
}

/// `---`, `***` or `___`, three or more, spaces allowed between.
fn is_rule(trimmed: &str) -> bool {
    let mut marks = trimmed.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for mark in marks {
        if mark != first {
            return false;
        }
        count += 1;
    }
    count >= 3
}

fn parse_quote(
    lines: &[&str],
    start: usize,
    depth: usize,
    blocks: &mut Vec<Block>,
    problems: &mut Vec<MarkupProblem>,
) -> usize {
    let mut inner_lines = Vec::new();
    let mut index = start;
    while let Some(rest) = lines
        .get(index)
        .and_then(|line| line.trim_start_matches([' ', '\t']).strip_prefix('>'))
    {
        inner_lines.push(rest.strip_prefix(' ').unwrap_or(rest));
        index += 1;
    }
    blocks.push(Block::Quote(parse_blocks(
        &inner_lines,
        depth + 1,
        problems,
    )));
    index
}

/// A list item's marker: `-`, `*`, `+`, or a number with `.` or `)`, then a space.
struct ListMarker<'line> {
    ordered: bool,
    bullet: char,
    /// The column where the item's text starts; continuation lines are indented this far.
    content_column: usize,
    content: &'line str,
    /// Only `-`, `*`, `+` and `1.` items with text may interrupt a paragraph, so that a wrapped
    /// line starting "2010. " stays in its paragraph.
    can_interrupt_paragraph: bool,
}

fn list_marker(line: &str) -> Option<ListMarker<'_>> {
    let indent = indentation_columns(line);
    let after_indent = line.trim_start_matches([' ', '\t']);
    let first = after_indent.chars().next()?;
    let (ordered, marker_length, number) = if matches!(first, '-' | '*' | '+') {
        (false, 1, None)
    } else {
        let digits = after_indent
            .chars()
            .take_while(char::is_ascii_digit)
            .count();
        let delimiter = after_indent[digits..].chars().next();
        if !(1..=9).contains(&digits) || !matches!(delimiter, Some('.' | ')')) {
            return None;
        }
        (true, digits + 1, after_indent[..digits].parse::<u32>().ok())
    };
    let after_marker = &after_indent[marker_length..];
    if !(after_marker.is_empty() || after_marker.starts_with([' ', '\t'])) {
        return None;
    }
    let content = after_marker.trim_start_matches([' ', '\t']);
    let spaces = after_marker.len() - content.len();
    let content_column = indent
        + marker_length
        + if content.is_empty() || spaces > 4 {
            1
        } else {
            spaces
        };
    let can_interrupt_paragraph = !content.trim().is_empty() && (!ordered || number == Some(1));
    Some(ListMarker {
        ordered,
        bullet: first,
        content_column,
        content,
        can_interrupt_paragraph,
    })
}

fn parse_list(
    lines: &[&str],
    start: usize,
    depth: usize,
    blocks: &mut Vec<Block>,
    problems: &mut Vec<MarkupProblem>,
) -> usize {
    let Some(first) = list_marker(lines[start]) else {
        return start + 1;
    };
    let mut items: Vec<Vec<&str>> = vec![vec![first.content]];
    let mut content_column = first.content_column;
    let mut previous_blank = false;
    let mut index = start + 1;
    while index < lines.len() {
        let line = lines[index];
        let item_lines = match items.last_mut() {
            Some(item_lines) => item_lines,
            None => break,
        };
        if is_blank(line) {
            item_lines.push("");
            previous_blank = true;
        } else if indentation_columns(line) >= content_column {
            item_lines.push(strip_columns(line, content_column));
            previous_blank = false;
        } else if let Some(marker) = list_marker(line) {
            let same_list =
                marker.ordered == first.ordered && (first.ordered || marker.bullet == first.bullet);
            if !same_list || is_rule(line.trim_start()) {
                break;
            }
            content_column = marker.content_column;
            items.push(vec![marker.content]);
            previous_blank = false;
        } else if !previous_blank && !starts_block(lines, index) {
            // A lazy continuation: a wrapped line of the item's paragraph, not indented.
            item_lines.push(line.trim_start());
        } else {
            break;
        }
        index += 1;
    }
    let mut parsed = Vec::with_capacity(items.len());
    for item_lines in &items {
        parsed.push(parse_blocks(item_lines, depth + 1, problems));
    }
    blocks.push(Block::List {
        ordered: first.ordered,
        items: parsed,
    });
    index
}

fn parse_paragraph(
    lines: &[&str],
    start: usize,
    blocks: &mut Vec<Block>,
    problems: &mut Vec<MarkupProblem>,
) -> usize {
    let mut end = start + 1;
    while end < lines.len() && !is_blank(lines[end]) && !starts_block(lines, end) {
        end += 1;
    }
    // Joined in one loop, not `map`, `collect` and `join`.
    let mut text = String::new();
    for (index, line) in lines[start..end].iter().enumerate() {
        if index > 0 {
            text.push('\n');
        }
        text.push_str(line.trim_start());
    }
    blocks.push(Block::Paragraph(parse_inlines(text.trim_end(), problems)));
    end
}

/// `![alt](address)` filling the whole line, with an allowed address: (alt, address).
fn media_parts(trimmed: &str) -> Option<(&str, &str)> {
    let inside = trimmed.trim_end().strip_prefix("![")?.strip_suffix(')')?;
    let (alt, address) = split_at_text(inside, "](")?;
    let address = address.trim();
    let address_is_plain = !address
        .contains(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '<' | '>'));
    let alt_is_plain = !alt.contains(['[', ']']);
    (alt_is_plain && address_is_plain && is_allowed_url(address)).then_some((alt, address))
}

/// An image, or audio when the address ends in an audio extension; reports missing alt text.
fn media_block(alt: &str, address: &str, problems: &mut Vec<MarkupProblem>) -> Block {
    let (has_audio_prefix, description) = match alt.trim().get(..6) {
        Some(prefix) if prefix.eq_ignore_ascii_case("audio:") => (true, &alt.trim()[6..]),
        _ => (false, alt),
    };
    let description = plain_text_of_inlines(&parse_inlines(description.trim(), problems));
    if is_audio_address(address) {
        if description.trim().is_empty() {
            let address = excerpt(address);
            report(
                problems,
                format!(
                    "the audio `{address}` needs a transcript: ![audio: what is said](file.mp3)"
                ),
            );
        }
        return Block::Audio {
            src: address.to_string(),
            transcript: description,
        };
    }
    if has_audio_prefix {
        report(
            problems,
            format!(
                "`audio:` needs an .mp3, .ogg, .wav or .m4a file, not `{}`",
                excerpt(address)
            ),
        );
    }
    if description.trim().is_empty() {
        let address = excerpt(address);
        report(problems, format!("the image `{address}` has no alt text: describe it, as in ![a bar chart of …](file.png)"));
    }
    Block::Image {
        src: address.to_string(),
        alt: description,
    }
}

fn is_audio_address(address: &str) -> bool {
    let path = address
        .split(['?', '#'])
        .next()
        .unwrap_or(address)
        .to_ascii_lowercase();
    AUDIO_EXTENSIONS
        .iter()
        .any(|extension| path.ends_with(extension))
}

/// Leading whitespace in columns; a tab counts as four.
fn indentation_columns(line: &str) -> usize {
    let mut columns = 0;
    for character in line.chars() {
        match character {
            ' ' => columns += 1,
            '\t' => columns += 4,
            _ => break,
        }
    }
    columns
}

/// The line without up to `columns` columns of leading whitespace.
fn strip_columns(line: &str, columns: usize) -> &str {
    let mut column = 0;
    for (byte_index, character) in line.char_indices() {
        if column >= columns || !matches!(character, ' ' | '\t') {
            return &line[byte_index..];
        }
        column += if character == '\t' { 4 } else { 1 };
    }
    ""
}
