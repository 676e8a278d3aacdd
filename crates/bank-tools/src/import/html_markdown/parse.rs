//! A lenient HTML reader for the HTML fragments of Moodle XML: tags, attributes, void elements,
//! unclosed and stray end tags, comments, raw text in `<script>` and `<style>`, and character
//! references. It builds a tree; it never runs or keeps anything but the tree.

use super::{HtmlElement, HtmlNode};

/// Elements that never have content.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements an open `<p>` or `<li>` ends at (simplified from HTML's rules).
const CLOSES_PARAGRAPH: &[&str] = &[
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "hr",
];

/// Parses an HTML fragment into a tree. Never fails: what is not a tag is text.
pub fn parse_html(html: &str) -> Vec<HtmlNode> {
    let mut stack: Vec<HtmlElement> = vec![HtmlElement::default()];
    let mut rest = html;
    while !rest.is_empty() {
        let Some(start) = rest.find('<') else {
            push_text(&mut stack, &decode_entities(rest));
            break;
        };
        if start > 0 {
            push_text(&mut stack, &decode_entities(&rest[..start]));
        }
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        if let Some(end_tag) = rest.strip_prefix("</") {
            let end = end_tag.find('>').unwrap_or(end_tag.len());
            let name = end_tag[..end].trim().to_ascii_lowercase();
            close_element(&mut stack, &name);
            rest = end_tag.get(end + 1..).unwrap_or("");
            continue;
        }
        match read_start_tag(rest) {
            Some((element, self_closing, after)) => {
                rest = after;
                let name = element.name.clone();
                if name == "p" || name == "li" || CLOSES_PARAGRAPH.contains(&name.as_str()) {
                    close_open_paragraph(&mut stack, &name);
                }
                if self_closing || VOID_ELEMENTS.contains(&name.as_str()) {
                    push_node(&mut stack, HtmlNode::Element(element));
                } else if name == "script" || name == "style" {
                    let closing = format!("</{name}");
                    let lower = rest.to_ascii_lowercase();
                    let end = lower.find(&closing).unwrap_or(rest.len());
                    let mut raw = element;
                    raw.children.push(HtmlNode::Text(rest[..end].to_string()));
                    push_node(&mut stack, HtmlNode::Element(raw));
                    rest = &rest[end..];
                    rest = rest.find('>').map_or("", |close| &rest[close + 1..]);
                } else {
                    stack.push(element);
                }
            }
            None => {
                push_text(&mut stack, "<");
                rest = &rest[1..];
            }
        }
    }
    while stack.len() > 1 {
        pop_into_parent(&mut stack);
    }
    stack.pop().map(|root| root.children).unwrap_or_default()
}

fn push_node(stack: &mut [HtmlElement], node: HtmlNode) {
    if let Some(open) = stack.last_mut() {
        open.children.push(node);
    }
}

fn push_text(stack: &mut [HtmlElement], text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(open) = stack.last_mut() {
        if let Some(HtmlNode::Text(previous)) = open.children.last_mut() {
            previous.push_str(text);
            return;
        }
        open.children.push(HtmlNode::Text(text.to_string()));
    }
}

fn pop_into_parent(stack: &mut Vec<HtmlElement>) {
    if let Some(element) = stack.pop() {
        push_node(stack, HtmlNode::Element(element));
    }
}

/// An end tag closes the nearest open element of its name and everything opened inside it; a
/// stray end tag is ignored.
fn close_element(stack: &mut Vec<HtmlElement>, name: &str) {
    if let Some(index) = stack.iter().skip(1).rposition(|open| open.name == name) {
        while stack.len() > index + 1 {
            pop_into_parent(stack);
        }
    }
}

fn close_open_paragraph(stack: &mut Vec<HtmlElement>, opening: &str) {
    let Some(open) = stack.last() else {
        return;
    };
    if open.name == "p" || (opening == "li" && open.name == "li") {
        pop_into_parent(stack);
    }
}

/// `<name attr="value" attr2='v' attr3=v attr4>`: the element, whether it ends with `/>`, and the
/// text after it.
fn read_start_tag(text: &str) -> Option<(HtmlElement, bool, &str)> {
    let body = &text[1..];
    let name_end = body
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(body.len());
    let name = &body[..name_end];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut element = HtmlElement {
        name: name.to_ascii_lowercase(),
        ..HtmlElement::default()
    };
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut index = chars
        .iter()
        .position(|(at, _)| *at >= name_end)
        .unwrap_or(chars.len());
    loop {
        while index < chars.len() && chars[index].1.is_whitespace() {
            index += 1;
        }
        let Some(&(at, c)) = chars.get(index) else {
            return Some((element, false, ""));
        };
        if c == '>' {
            return Some((element, false, &body[at + 1..]));
        }
        if c == '/' {
            if chars.get(index + 1).map(|(_, c)| *c) == Some('>') {
                return Some((element, true, &body[chars[index + 1].0 + 1..]));
            }
            index += 1;
            continue;
        }
        let name_start = index;
        while index < chars.len()
            && !matches!(chars[index].1, '=' | '>' | '/')
            && !chars[index].1.is_whitespace()
        {
            index += 1;
        }
        let attribute_name: String = chars[name_start..index].iter().map(|(_, c)| *c).collect();
        while index < chars.len() && chars[index].1.is_whitespace() {
            index += 1;
        }
        let mut value = String::new();
        if chars.get(index).map(|(_, c)| *c) == Some('=') {
            index += 1;
            while index < chars.len() && chars[index].1.is_whitespace() {
                index += 1;
            }
            match chars.get(index).map(|(_, c)| *c) {
                Some(quote @ ('"' | '\'')) => {
                    index += 1;
                    while index < chars.len() && chars[index].1 != quote {
                        value.push(chars[index].1);
                        index += 1;
                    }
                    index += 1;
                }
                _ => {
                    while index < chars.len()
                        && !chars[index].1.is_whitespace()
                        && chars[index].1 != '>'
                    {
                        value.push(chars[index].1);
                        index += 1;
                    }
                }
            }
        }
        if !attribute_name.is_empty() {
            element
                .attributes
                .push((attribute_name.to_ascii_lowercase(), decode_entities(&value)));
        }
    }
}

/// Named references HTML editors write in question text; any other is kept as written.
const NAMED_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("times", '×'),
    ("divide", '÷'),
    ("minus", '−'),
    ("plusmn", '±'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("deg", '°'),
    ("middot", '·'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("pi", 'π'),
    ("infin", '∞'),
    ("radic", '√'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("agrave", 'à'),
    ("acirc", 'â'),
    ("ccedil", 'ç'),
    ("ocirc", 'ô'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("icirc", 'î'),
    ("iuml", 'ï'),
    ("euml", 'ë'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("szlig", 'ß'),
    ("euro", '€'),
    ("copy", '©'),
];

/// Replaces character references (`&amp;`, `&#233;`, `&#xE9;`).
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest[1..]
            .find(';')
            .map(|end| end + 1)
            .filter(|end| *end <= 10);
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let character =
                if let Some(number) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                    u32::from_str_radix(number, 16)
                        .ok()
                        .and_then(char::from_u32)
                } else if let Some(number) = name.strip_prefix('#') {
                    number.parse::<u32>().ok().and_then(char::from_u32)
                } else {
                    NAMED_ENTITIES
                        .iter()
                        .find(|(entity, _)| *entity == name)
                        .map(|(_, character)| *character)
                };
            character.map(|character| (character, end))
        });
        match decoded {
            Some((character, end)) => {
                out.push(character);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
