//! One QTI item to one bank item. The item body becomes Markdown with markers where its
//! interactions are; each block interaction, and each group of gaps in running text, is one
//! answerable part: one part is an item of that part's type, several parts a multi-step item.

use std::collections::BTreeMap;

use adaptive_practice_engine::bank::{Hint, Item, ItemKind, Step};
use roxmltree::Node;

use super::package::language_of;
use super::parts::PartBuilder;
use super::processing::{
    read_declarations, read_processing, read_template, Feedback, ProcessingRules,
};
use super::{attribute, children_named, line_of, local_name, note, parse_xml};
use crate::import::html_markdown::{
    html_to_markdown, without_markers, HtmlContext, HtmlElement, HtmlNode, TextShape,
};
use crate::import::source_files::{normalize, parent_folder, SourceFiles, Unreadable};
use crate::import::{ImportNote, MediaFile, NoteKind};

pub(in crate::import) struct ItemFile<'a> {
    /// The item's path in the source; its images are found from its folder.
    pub file: &'a str,
    pub files: &'a SourceFiles,
    pub source: &'a str,
}

/// Interactions a learner answers in a block of their own.
const BLOCK_INTERACTIONS: &[&str] = &[
    "choiceInteraction",
    "orderInteraction",
    "matchInteraction",
    "associateInteraction",
    "gapMatchInteraction",
    "sliderInteraction",
    "hottextInteraction",
    "extendedTextInteraction",
    "uploadInteraction",
    "drawingInteraction",
    "hotspotInteraction",
    "graphicOrderInteraction",
    "graphicAssociateInteraction",
    "graphicGapMatchInteraction",
    "selectPointInteraction",
    "positionObjectStage",
    "positionObjectInteraction",
    "mediaInteraction",
    "customInteraction",
    "portableCustomInteraction",
];

/// The body being read: interactions in document order, feedback found in the body.
pub(super) struct BodyState<'a, 'input> {
    pub(super) interactions: Vec<Node<'a, 'input>>,
    pub(super) feedback: Vec<Feedback>,
    end_attempts: Vec<String>,
    /// Choice identifier → feedback written inside that choice.
    pub(super) choice_feedback: BTreeMap<String, String>,
    /// Template variables declared `mathVariable`: an `<mi>` naming one shows its value.
    math_variables: Vec<String>,
}

impl BodyState<'_, '_> {
    /// Nothing read yet; `math_variables` are the template's `mathVariable`s.
    fn new(math_variables: Vec<String>) -> Self {
        BodyState {
            interactions: Vec::new(),
            feedback: Vec::new(),
            end_attempts: Vec::new(),
            choice_feedback: BTreeMap::new(),
            math_variables,
        }
    }
}

/// The item of one item file, with the file's `xml:lang` (a package of items without a test says
/// its language there only).
pub(in crate::import) fn convert_item_file(
    text: &str,
    file: &ItemFile<'_>,
    notes: &mut Vec<ImportNote>,
    media: &mut Vec<MediaFile>,
) -> Result<(Item, Option<String>), String> {
    let document = parse_xml(text)?;
    let root = document.root_element();
    if local_name(root) != "assessmentItem" {
        return Err(format!(
            "<{}> is not an assessment item",
            root.tag_name().name()
        ));
    }
    let id = attribute(root, "identifier")
        .map(safe_id)
        .ok_or("the item has no identifier")?;
    let declarations = read_declarations(root);
    let template = read_template(root);
    if !template.problems.is_empty() {
        return Err(format!(
            "its template processing cannot be converted: {}",
            template.problems.join("; ")
        ));
    }
    let body = children_named(root, "itemBody")
        .next()
        .ok_or("the item has no item body")?;
    let mut reader = Reader {
        file,
        notes,
        media,
        state: BodyState::new(
            children_named(root, "templateDeclaration")
                .filter(|declaration| attribute(*declaration, "mathVariable") == Some("true"))
                .filter_map(|declaration| attribute(declaration, "identifier").map(str::to_string))
                .collect(),
        ),
    };
    // A shared stimulus (a passage several items ask about) comes first in the prompt.
    let mut markdown = String::new();
    for stimulus in children_named(root, "assessmentStimulusRef") {
        let href = attribute(stimulus, "href").unwrap_or_default();
        match read_stimulus(file, href, reader.notes, reader.media) {
            Ok(passage) => {
                markdown.push_str(passage.trim());
                markdown.push_str("\n\n");
            }
            Err(problem) => reader.note(
                NoteKind::Skipped,
                stimulus,
                format!("the shared stimulus {href} is left out: {problem}"),
            ),
        }
    }
    let nodes = reader.nodes(body);
    markdown.push_str(&reader.markdown(&nodes, TextShape::Block));
    for modal in children_named(root, "modalFeedback") {
        let nodes = reader.nodes(modal);
        let markdown = reader.markdown(&nodes, TextShape::Block);
        reader.state.feedback.push(feedback_of(modal, markdown));
    }
    let rules = read_processing(root, &reader.state.end_attempts);
    let mut builder = PartBuilder {
        reader: &mut reader,
        declarations: &declarations,
        rules: &rules,
        correct_from_template: &template.correct_responses,
        used_feedback: Vec::new(),
    };
    let (prompt, mut parts) = builder.parts(&markdown)?;
    let used = std::mem::take(&mut builder.used_feedback);
    let general = general_feedback(&mut reader, &rules, &used);
    let (mut hints, mut solution) = (general.hints, general.solution);
    let prompt = if prompt.trim().is_empty() {
        attribute(root, "title").unwrap_or("Answer.").to_string()
    } else {
        prompt
    };
    let mut step_hints = general.step_hints;
    let mut step_solutions = general.step_solutions;
    let kind = if parts.len() == 1 {
        parts.remove(0).1
    } else {
        let steps = parts
            .into_iter()
            .enumerate()
            .map(|(index, (prompt, kind))| Step {
                id: None,
                prompt,
                skills: Vec::new(),
                hints: step_hints.remove(&(index + 1)).unwrap_or_default(),
                solution: step_solutions.remove(&(index + 1)),
                kind,
            })
            .collect();
        ItemKind::MultiStep { steps }
    };
    // Step feedback of a step the item does not have is the item's.
    hints.extend(step_hints.into_values().flatten());
    if !step_solutions.is_empty() {
        let parts: Vec<String> = solution
            .into_iter()
            .chain(step_solutions.into_values())
            .collect();
        solution = Some(parts.join("\n\n"));
    }
    let item = Item {
        id,
        skills: Vec::new(),
        difficulty: None,
        prompt,
        hints,
        solution,
        template: template.template,
        kind,
    };
    Ok((item, language_of(root)))
}

fn feedback_of(node: Node<'_, '_>, markdown: String) -> Feedback {
    Feedback {
        outcome: attribute(node, "outcomeIdentifier")
            .unwrap_or_default()
            .to_string(),
        identifier: attribute(node, "identifier")
            .unwrap_or_default()
            .to_string(),
        show: attribute(node, "showHide") != Some("hide"),
        title: attribute(node, "title").map(str::to_string),
        markdown,
        position: line_of(node),
    }
}

/// Hints and the solution from the feedback no part used; the rest is noted.
/// Hints and solutions, of the item and of its steps (`STEP_2_HINT_1`, `STEP_2_SOLUTION`).
struct GeneralFeedback {
    hints: Vec<Hint>,
    solution: Option<String>,
    step_hints: BTreeMap<usize, Vec<Hint>>,
    step_solutions: BTreeMap<usize, String>,
}

/// `STEP_2_HINT_1` → (2, true); `STEP_2_SOLUTION` → (2, false).
fn step_feedback(identifier: &str) -> Option<(usize, bool)> {
    let rest = identifier.strip_prefix("STEP_")?;
    let (number, what) = rest.split_once('_')?;
    let number = number.parse::<usize>().ok()?;
    if what.starts_with("HINT") {
        Some((number, true))
    } else if what == "SOLUTION" {
        Some((number, false))
    } else {
        None
    }
}

fn general_feedback(
    reader: &mut Reader<'_, '_, '_>,
    rules: &ProcessingRules,
    used: &[String],
) -> GeneralFeedback {
    let mut hints = Vec::new();
    let mut solutions = Vec::new();
    let mut step_hints: BTreeMap<usize, Vec<Hint>> = BTreeMap::new();
    let mut step_solutions = BTreeMap::new();
    let feedback = std::mem::take(&mut reader.state.feedback);
    for item in feedback {
        if used.contains(&item.identifier) || item.markdown.trim().is_empty() {
            continue;
        }
        let lower = item.identifier.to_ascii_lowercase();
        let title = item.title.clone().unwrap_or_default().to_ascii_lowercase();
        if let Some((step, is_hint)) = step_feedback(&item.identifier) {
            if is_hint {
                step_hints.entry(step).or_default().push(Hint {
                    text: item.markdown,
                    scaffold: None,
                });
            } else {
                step_solutions.insert(step, item.markdown);
            }
        } else if rules.hint_feedback.contains(&item.identifier) || lower.contains("hint") {
            hints.push(Hint {
                text: item.markdown,
                scaffold: None,
            });
        } else if lower.contains("solution")
            || title.contains("solution")
            || rules.always_feedback.contains(&item.identifier)
        {
            solutions.push(item.markdown);
        } else {
            let message = if ["correct", "incorrect", "partial", "wrong", "right"]
                .iter()
                .any(|word| lower.contains(word))
            {
                format!(
                    "feedback {:?} for a right or wrong answer is left out (the widget says it in its own words): {}",
                    item.identifier,
                    excerpt(&item.markdown)
                )
            } else {
                format!(
                    "feedback {:?} is left out: the response processing does not say when it shows (no rule the importer can read sets its outcome): {}",
                    item.identifier,
                    excerpt(&item.markdown)
                )
            };
            let source = format!("{} ({})", reader.file.source, item.position);
            reader.notes.push(note(NoteKind::Skipped, &source, message));
        }
    }
    let solution = (!solutions.is_empty()).then(|| solutions.join("\n\n"));
    GeneralFeedback {
        hints,
        solution,
        step_hints,
        step_solutions,
    }
}

fn excerpt(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// An id the bank accepts: QTI identifiers are already safe; anything else becomes `-`.
fn safe_id(identifier: &str) -> String {
    identifier
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The body of the shared stimulus at `href` (from the item's folder) as Markdown, its images
/// found from its own folder; an error says why it cannot be (missing, not a stimulus, or
/// holding an interaction the item would not score).
fn read_stimulus(
    item: &ItemFile<'_>,
    href: &str,
    notes: &mut Vec<ImportNote>,
    media: &mut Vec<MediaFile>,
) -> Result<String, String> {
    let path = normalize(parent_folder(item.file), href)
        .ok_or("its address leaves the package or is a web address")?;
    let text = item.files.text_or_beside(&path).map_err(|why| match why {
        Unreadable::Missing => format!("{path} is not in the package"),
        Unreadable::NotText => format!("{path} is not UTF-8 text"),
    })?;
    let document = parse_xml(&text)?;
    let root = document.root_element();
    if local_name(root) != "assessmentStimulus" {
        return Err(format!("<{}> is not a stimulus", root.tag_name().name()));
    }
    let body = children_named(root, "stimulusBody")
        .next()
        .ok_or("it has no stimulus body")?;
    let file = ItemFile {
        file: &path,
        files: item.files,
        source: &path,
    };
    let mut reader = Reader {
        file: &file,
        notes,
        media,
        state: BodyState::new(Vec::new()),
    };
    let nodes = reader.nodes(body);
    if !reader.state.interactions.is_empty() {
        return Err("it holds an interaction".to_string());
    }
    Ok(reader.markdown(&nodes, TextShape::Block))
}

pub(super) struct Reader<'r, 'a, 'input> {
    pub(super) file: &'r ItemFile<'r>,
    pub(super) notes: &'r mut Vec<ImportNote>,
    pub(super) media: &'r mut Vec<MediaFile>,
    pub(super) state: BodyState<'a, 'input>,
}

impl<'r, 'a, 'input> Reader<'r, 'a, 'input> {
    pub(super) fn markdown(&mut self, nodes: &[HtmlNode], shape: TextShape) -> String {
        let Reader {
            file, notes, media, ..
        } = self;
        let item_folder = parent_folder(file.file);
        let mut resolve = |src: &str, notes: &mut Vec<ImportNote>| -> Option<String> {
            if src.starts_with("https://") || src.starts_with("http://") {
                return Some(src.to_string());
            }
            let found = normalize(item_folder, src).and_then(|path| {
                let bytes = match file.files.get(&path) {
                    Some(bytes) => bytes.to_vec(),
                    None => file.files.file_beside(&path)?,
                };
                Some((bytes, path))
            });
            let Some((bytes, path)) = found else {
                notes.push(note(
                    NoteKind::Skipped,
                    file.source,
                    format!("the image {src} is not in the package"),
                ));
                return None;
            };
            let safe = safe_path(&path);
            let address = if safe.starts_with("media/") {
                safe
            } else {
                format!("media/{safe}")
            };
            let copy = MediaFile {
                bytes,
                address: address.clone(),
            };
            if !media.contains(&copy) {
                media.push(copy);
            }
            Some(address)
        };
        let mut context = HtmlContext {
            source: file.source.to_string(),
            notes,
            resolve_image: &mut resolve,
        };
        html_to_markdown(nodes, shape, &mut context)
    }

    pub(super) fn note(&mut self, kind: NoteKind, node: Node<'_, '_>, message: String) {
        let source = format!("{} ({})", self.file.source, line_of(node));
        self.notes.push(note(kind, &source, message));
    }

    /// The children of a node as an HTML tree; interactions become markers.
    pub(super) fn nodes(&mut self, node: Node<'a, 'input>) -> Vec<HtmlNode> {
        let mut out = Vec::new();
        for child in node.children() {
            if child.is_text() {
                let text = child.text().unwrap_or_default();
                out.push(HtmlNode::Text(without_markers(text)));
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = local_name(child);
            if name == "textEntryInteraction" || name == "inlineChoiceInteraction" {
                self.state.interactions.push(child);
                let index = self.state.interactions.len() - 1;
                out.push(HtmlNode::Markdown(format!("⟦G{index}⟧")));
                continue;
            }
            if BLOCK_INTERACTIONS.contains(&name.as_str()) {
                self.state.interactions.push(child);
                let index = self.state.interactions.len() - 1;
                out.push(HtmlNode::Element(HtmlElement {
                    name: "div".into(),
                    children: vec![HtmlNode::Markdown(format!("⟦P{index}⟧"))],
                    ..HtmlElement::default()
                }));
                continue;
            }
            match name.as_str() {
                "endAttemptInteraction" => {
                    if let Some(response) = attribute(child, "responseIdentifier") {
                        self.state.end_attempts.push(response.to_string());
                    }
                }
                "printedVariable" => {
                    if let Some(identifier) = attribute(child, "identifier") {
                        out.push(HtmlNode::Markdown(format!("{{{{{identifier}}}}}")));
                    }
                }
                "gap" => {
                    let identifier = attribute(child, "identifier").unwrap_or_default();
                    out.push(HtmlNode::Markdown(format!("⟦GAP:{identifier}⟧")));
                }
                "feedbackInline" | "feedbackBlock" => {
                    let nodes = self.nodes(child);
                    let markdown = self.markdown(&nodes, TextShape::Block);
                    let feedback = feedback_of(child, markdown);
                    if let Some(choice) = child
                        .parent_element()
                        .filter(|parent| local_name(*parent) == "simpleChoice")
                    {
                        if let Some(choice_id) = attribute(choice, "identifier") {
                            if feedback.identifier == choice_id {
                                self.state
                                    .choice_feedback
                                    .insert(choice_id.to_string(), feedback.markdown.clone());
                                continue;
                            }
                        }
                    }
                    self.state.feedback.push(feedback);
                }
                "rubricBlock" => {
                    let view = attribute(child, "view").unwrap_or_default();
                    if view.contains("candidate") {
                        out.extend(self.nodes(child));
                    } else {
                        self.note(
                            NoteKind::Skipped,
                            child,
                            format!("a rubric block for {view:?} is left out (not for learners)"),
                        );
                    }
                }
                "templateBlock" | "templateInline" => {
                    self.note(
                        NoteKind::Changed,
                        child,
                        "content shown only for some template values is always shown".into(),
                    );
                    out.extend(self.nodes(child));
                }
                "stylesheet"
                | "companionMaterialsInfo"
                | "catalogInfo"
                | "prompt"
                | "gapText"
                | "gapImg"
                | "simpleChoice"
                | "inlineChoice"
                | "simpleMatchSet"
                | "simpleAssociableChoice" => {}
                "object" => {
                    let is_image =
                        attribute(child, "type").is_some_and(|kind| kind.starts_with("image/"));
                    match (is_image, attribute(child, "data")) {
                        (true, Some(data)) => {
                            let alt = child
                                .descendants()
                                .filter(|node| node.is_text())
                                .filter_map(|node| node.text())
                                .collect::<String>();
                            out.push(HtmlNode::Element(HtmlElement {
                                name: "img".into(),
                                attributes: vec![
                                    ("src".into(), data.into()),
                                    ("alt".into(), alt.trim().into()),
                                ],
                                children: Vec::new(),
                                position: line_of(child),
                            }));
                        }
                        _ => self.note(
                            NoteKind::Skipped,
                            child,
                            "an embedded object that is not an image is left out".into(),
                        ),
                    }
                }
                _ => {
                    if name == "div"
                        && attribute(child, "class")
                            .is_some_and(|class| class.split_whitespace().any(|c| c == "ap-step"))
                    {
                        out.push(HtmlNode::Element(HtmlElement {
                            name: "div".into(),
                            children: vec![HtmlNode::Markdown("⟦S⟧".into())],
                            ..HtmlElement::default()
                        }));
                    }
                    let mut children = self.nodes(child);
                    if child.tag_name().name() == "mi" {
                        let text = child.text().unwrap_or_default().trim();
                        if self.state.math_variables.iter().any(|name| name == text) {
                            children = vec![HtmlNode::Text(format!("{{{{{text}}}}}"))];
                        }
                    }
                    let attributes = child
                        .attributes()
                        .map(|attribute| {
                            (attribute.name().to_string(), attribute.value().to_string())
                        })
                        .collect();
                    out.push(HtmlNode::Element(HtmlElement {
                        name: if child.tag_name().name().starts_with("qti-") {
                            name
                        } else {
                            child.tag_name().name().to_string()
                        },
                        attributes,
                        children,
                        position: line_of(child),
                    }));
                }
            }
        }
        out
    }

    /// An element's content without markers (a choice, a prompt) as Markdown.
    pub(super) fn content(&mut self, node: Node<'a, 'input>, shape: TextShape) -> String {
        let nodes = self.nodes(node);
        self.markdown(&nodes, shape)
    }
}

fn safe_path(path: &str) -> String {
    path.split('/')
        .map(|part| {
            part.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                        c
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("/")
}
