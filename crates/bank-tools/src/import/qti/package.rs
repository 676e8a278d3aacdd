//! Where the items of a QTI source are: an `imsmanifest.xml` lists item resources and assessment
//! tests, whose sections give skills; a source without a manifest is read for every item file in
//! it, in path order; a single item file is itself, and a single test file reads its items from
//! the same source. Everything is read from [`SourceFiles`], so a `.zip` never touches the disk.

use super::{attribute, children_named, local_name, note, parse_xml};
use crate::import::source_files::{normalize, parent_folder, SourceFiles};
use crate::import::{ImportNote, NoteKind};

pub(super) struct Package {
    pub items: Vec<PackageItem>,
    pub notes: Vec<ImportNote>,
    pub title: String,
    pub skill_id: String,
    pub language: Option<String>,
}

pub(super) struct PackageItem {
    /// The item's path in the source.
    pub file: String,
    /// The skill (id, name) of the test section the item is in.
    pub skill: Option<(String, String)>,
}

pub(super) fn read_package(files: &SourceFiles) -> Result<Package, String> {
    let stem = files.stem();
    let mut package = Package {
        items: Vec::new(),
        notes: Vec::new(),
        title: crate::import::readable_name(&stem),
        skill_id: slug(&stem),
        language: None,
    };
    if files.contains("imsmanifest.xml") {
        read_manifest(files, "imsmanifest.xml", &mut package)?;
    } else if files.len() == 1 {
        read_single_file(files, &mut package)?;
    } else {
        for path in files.paths() {
            if !path.to_ascii_lowercase().ends_with(".xml") {
                continue;
            }
            let Ok(text) = files.text(path) else {
                continue;
            };
            let Ok(document) = parse_xml(text) else {
                continue;
            };
            if local_name(document.root_element()) == "assessmentItem" {
                package.items.push(PackageItem {
                    file: path.to_string(),
                    skill: None,
                });
            }
        }
    }
    if package.items.is_empty() {
        return Err(format!("{} holds no QTI item", files.name));
    }
    Ok(package)
}

/// A source of one file: an item, or a test whose items are not with it.
fn read_single_file(files: &SourceFiles, package: &mut Package) -> Result<(), String> {
    let path = files.paths().next().unwrap_or_default().to_string();
    let text = files.text(&path)?;
    let document = parse_xml(text).map_err(|error| format!("{path}: {error}"))?;
    let root = document.root_element();
    match local_name(root).as_str() {
        "assessmentItem" => {
            if let Some(title) = attribute(root, "title") {
                package.title = title.to_string();
            }
            package.language = language_of(root);
            package.items.push(PackageItem {
                file: path,
                skill: None,
            });
            Ok(())
        }
        "assessmentTest" => read_test(files, &path, package),
        "manifest" => Err(format!(
            "{path}: a manifest without its items; open the package's folder or .zip"
        )),
        "questestinterop" => Err(format!(
            "{path}: QTI 1.2 (<questestinterop>) is not read; export the questions as QTI 2.1 or 3.0"
        )),
        other => Err(format!(
            "{path}: <{other}> is not a QTI item, test or manifest"
        )),
    }
}

fn read_manifest(files: &SourceFiles, manifest: &str, package: &mut Package) -> Result<(), String> {
    let text = files.text(manifest)?;
    let document = parse_xml(text).map_err(|error| format!("imsmanifest.xml: {error}"))?;
    let folder = parent_folder(manifest);
    let resources: Vec<(String, String)> = document
        .descendants()
        .filter(|node| node.is_element() && node.tag_name().name() == "resource")
        .filter_map(|node| {
            Some((
                node.attribute("type")?.to_string(),
                node.attribute("href")?.to_string(),
            ))
        })
        .collect();
    for (kind, href) in resources.iter().filter(|(kind, _)| kind.contains("test")) {
        let Some(file) = normalize(folder, href) else {
            package.notes.push(note(
                NoteKind::Skipped,
                href,
                format!("the {kind} resource is outside the package"),
            ));
            continue;
        };
        if let Err(reason) = read_test(files, &file, package) {
            package.notes.push(note(NoteKind::Skipped, href, reason));
        }
    }
    for (kind, href) in &resources {
        if !kind.starts_with("imsqti_item") {
            if kind.starts_with("imsqti") && !kind.contains("test") {
                package.notes.push(note(
                    NoteKind::Skipped,
                    href,
                    format!("a resource of type {kind} is not an item"),
                ));
            }
            continue;
        }
        match normalize(folder, href) {
            Some(file) if !package.items.iter().any(|item| item.file == file) => {
                package.items.push(PackageItem { file, skill: None });
            }
            Some(_) => {}
            None => package.notes.push(note(
                NoteKind::Skipped,
                href,
                "the item is outside the package".into(),
            )),
        }
    }
    Ok(())
}

/// The items of an assessment test in order; each section with items is a skill.
fn read_test(files: &SourceFiles, test: &str, package: &mut Package) -> Result<(), String> {
    let text = files
        .text(test)
        .map_err(|_| format!("cannot read {test}: it is not in the package"))?;
    let document = parse_xml(text)?;
    let root = document.root_element();
    if let Some(title) = attribute(root, "title") {
        package.title = title.to_string();
        package.skill_id = slug(title);
    }
    package.language = language_of(root).or(package.language.take());
    let folder = parent_folder(test);
    for section in document
        .descendants()
        .filter(|node| node.is_element() && local_name(*node) == "assessmentSection")
    {
        let identifier = attribute(section, "identifier").unwrap_or("section");
        let title = attribute(section, "title").unwrap_or(identifier);
        for reference in children_named(section, "assessmentItemRef") {
            let Some(href) = attribute(reference, "href") else {
                continue;
            };
            match normalize(folder, href) {
                Some(file) => package.items.push(PackageItem {
                    file,
                    skill: Some((slug(identifier), title.to_string())),
                }),
                None => package.notes.push(note(
                    NoteKind::Skipped,
                    href,
                    "the item is outside the package".into(),
                )),
            }
        }
    }
    Ok(())
}

pub(crate) fn language_of(node: roxmltree::Node<'_, '_>) -> Option<String> {
    node.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .map(str::to_string)
}

/// An id from a title: lower-case letters and digits joined by `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-').to_string();
    if trimmed.is_empty() {
        "qti".into()
    } else {
        trimmed
    }
}
