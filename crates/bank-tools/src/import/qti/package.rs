//! Where the items of a QTI source are: a `.zip` is unpacked into a fresh temporary folder (names
//! that would leave it are refused, and so is more than [`MAX_UNPACKED_BYTES`]); a folder's
//! `imsmanifest.xml` lists item resources and assessment tests, whose sections give skills; a
//! folder without a manifest is read for every item file in it; a single item file is itself.

use std::path::{Component, Path, PathBuf};

use super::{attribute, children_named, local_name, note, parse_xml};
use crate::import::{ImportNote, NoteKind};

/// A package that unpacks to more than this is refused (a zip bomb would fill the disk).
const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;

pub(super) struct Package {
    pub root: PathBuf,
    pub items: Vec<PackageItem>,
    pub notes: Vec<ImportNote>,
    pub title: String,
    pub skill_id: String,
    pub language: Option<String>,
}

pub(super) struct PackageItem {
    pub file: PathBuf,
    /// The skill (id, name) of the test section the item is in.
    pub skill: Option<(String, String)>,
}

impl Package {
    pub fn display_name(&self, file: &Path) -> String {
        file.strip_prefix(&self.root)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/")
    }
}

pub(super) fn read_package(path: &Path) -> Result<Package, String> {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().to_string())
        .unwrap_or_else(|| "qti".into());
    if path.is_dir() {
        return read_folder(path, &stem);
    }
    let is_zip = path
        .extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("zip"));
    if is_zip {
        let folder = unpack_zip(path)?;
        return read_folder(&folder, &stem);
    }
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let document = parse_xml(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    let root_name = local_name(document.root_element());
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    match root_name.as_str() {
        "manifest" => read_folder(&folder, &stem),
        "assessmentItem" => Ok(Package {
            root: folder,
            items: vec![PackageItem {
                file: path.to_path_buf(),
                skill: None,
            }],
            notes: Vec::new(),
            title: attribute(document.root_element(), "title")
                .map(str::to_string)
                .unwrap_or(stem.clone()),
            skill_id: slug(&stem),
            language: language_of(document.root_element()),
        }),
        "assessmentTest" => {
            let mut package = empty_package(&folder, &stem);
            read_test(path, &mut package)?;
            Ok(package)
        }
        "questestinterop" => Err(format!(
            "{}: QTI 1.2 (<questestinterop>) is not read; export the questions as QTI 2.1 or 3.0",
            path.display()
        )),
        other => Err(format!(
            "{}: <{other}> is not a QTI item, test or manifest",
            path.display()
        )),
    }
}

fn empty_package(folder: &Path, stem: &str) -> Package {
    Package {
        root: folder.to_path_buf(),
        items: Vec::new(),
        notes: Vec::new(),
        title: stem.to_string(),
        skill_id: slug(stem),
        language: None,
    }
}

fn read_folder(folder: &Path, stem: &str) -> Result<Package, String> {
    let mut package = empty_package(folder, stem);
    let manifest = folder.join("imsmanifest.xml");
    if manifest.is_file() {
        read_manifest(&manifest, &mut package)?;
    } else {
        let mut files = Vec::new();
        collect_xml_files(folder, &mut files);
        files.sort();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                continue;
            };
            let Ok(document) = parse_xml(&text) else {
                continue;
            };
            if local_name(document.root_element()) == "assessmentItem" {
                package.items.push(PackageItem { file, skill: None });
            }
        }
    }
    if package.items.is_empty() {
        return Err(format!("{} holds no QTI item", folder.display()));
    }
    Ok(package)
}

fn collect_xml_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_xml_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "xml") {
            files.push(path);
        }
    }
}

fn read_manifest(manifest: &Path, package: &mut Package) -> Result<(), String> {
    let text = std::fs::read_to_string(manifest)
        .map_err(|error| format!("cannot read {}: {error}", manifest.display()))?;
    let document = parse_xml(&text).map_err(|error| format!("imsmanifest.xml: {error}"))?;
    let folder = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
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
        let Some(file) = inside(&folder, href) else {
            package.notes.push(note(
                NoteKind::Skipped,
                href,
                format!("the {kind} resource is outside the package"),
            ));
            continue;
        };
        if let Err(reason) = read_test(&file, package) {
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
        match inside(&folder, href) {
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
fn read_test(test: &Path, package: &mut Package) -> Result<(), String> {
    let text = std::fs::read_to_string(test)
        .map_err(|error| format!("cannot read {}: {error}", test.display()))?;
    let document = parse_xml(&text)?;
    let root = document.root_element();
    if let Some(title) = attribute(root, "title") {
        package.title = title.to_string();
        package.skill_id = slug(title);
    }
    package.language = language_of(root).or(package.language.take());
    let folder = test.parent().map(Path::to_path_buf).unwrap_or_default();
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
            match inside(&folder, href) {
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

fn language_of(node: roxmltree::Node<'_, '_>) -> Option<String> {
    node.attribute(("http://www.w3.org/XML/1998/namespace", "lang"))
        .map(str::to_string)
}

/// A relative address inside the folder, or `None` when it would leave it.
pub(super) fn inside(folder: &Path, href: &str) -> Option<PathBuf> {
    let href = href.split(['?', '#']).next().unwrap_or_default();
    let decoded = href.replace("%20", " ");
    let relative = Path::new(&decoded);
    if relative.is_absolute() || decoded.contains(':') {
        return None;
    }
    let mut path = folder.to_path_buf();
    let mut depth = 0usize;
    for component in relative.components() {
        match component {
            Component::Normal(part) => {
                path.push(part);
                depth += 1;
            }
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => {
                path.pop();
                depth -= 1;
            }
            _ => return None,
        }
    }
    Some(path)
}

/// Unpacks a zip into a new temporary folder.
fn unpack_zip(path: &Path) -> Result<PathBuf, String> {
    let file = std::fs::File::open(path)
        .map_err(|error| format!("cannot open {}: {error}", path.display()))?;
    let mut archive = zip::ZipArchive::new(file)
        .map_err(|error| format!("{}: not a zip: {error}", path.display()))?;
    static UNPACKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let number = UNPACKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let folder = std::env::temp_dir().join(format!(
        "adaptive-practice-qti-{}-{number}-{}",
        std::process::id(),
        path.file_stem()
            .map(|stem| stem.to_string_lossy().to_string())
            .unwrap_or_default()
    ));
    if folder.exists() {
        std::fs::remove_dir_all(&folder)
            .map_err(|error| format!("cannot clear {}: {error}", folder.display()))?;
    }
    let mut total = 0u64;
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        let Some(name) = entry.enclosed_name() else {
            continue;
        };
        let target = folder.join(name);
        if entry.is_dir() {
            std::fs::create_dir_all(&target).map_err(|error| error.to_string())?;
            continue;
        }
        total += entry.size();
        if total > MAX_UNPACKED_BYTES {
            return Err(format!("{} unpacks to more than 512 MB", path.display()));
        }
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
        }
        let mut out = std::fs::File::create(&target).map_err(|error| error.to_string())?;
        std::io::copy(&mut (&mut entry).take(MAX_UNPACKED_BYTES), &mut out)
            .map_err(|error| error.to_string())?;
    }
    Ok(folder)
}

use std::io::Read as _;

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
