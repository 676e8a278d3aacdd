//! The files of an import source, held in memory: one file, a folder's files or a `.zip`'s
//! entries, each under its `/`-separated path relative to the source. Every importer reads a
//! [`SourceFiles`]; the command line fills one from a path ([`SourceFiles::read_path`]) and the
//! authoring page from the bytes of the file the author dropped ([`SourceFiles::from_bytes`]),
//! so both go through the same code. A zip is read in memory: entry names that would leave the
//! source are dropped, and so is everything past [`MAX_UNPACKED_BYTES`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

/// A source that unpacks to more than this is refused (a zip bomb would fill the memory).
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// Named files of one source. Paths are relative, `/`-separated, without `.` or `..` parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFiles {
    /// The source's own name (`quiz.xml`, `package.zip`, the folder's name): the bank's id and
    /// title come from it when the content names none.
    pub name: String,
    files: BTreeMap<String, Vec<u8>>,
    /// For a single file read from disk, its folder: what the file refers to (a QTI item's
    /// picture, a test's items) is looked for there too ([`SourceFiles::file_beside`]).
    folder_on_disk: Option<PathBuf>,
}

impl SourceFiles {
    /// An empty source called `name`.
    pub fn new(name: &str) -> SourceFiles {
        SourceFiles {
            name: name.to_string(),
            files: BTreeMap::new(),
            folder_on_disk: None,
        }
    }

    /// Adds (or replaces) a file; a path that would leave the source is ignored.
    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) {
        if let Some(path) = normalize("", path) {
            if !path.is_empty() {
                self.files.insert(path, bytes);
            }
        }
    }

    /// The file named `name` with these bytes; a zip (told by its first bytes, or its `.zip`
    /// name) is unpacked in memory instead.
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Result<SourceFiles, String> {
        let base_name = name.rsplit(['/', '\\']).next().unwrap_or(name);
        if bytes.starts_with(b"PK\x03\x04")
            || bytes.starts_with(b"PK\x05\x06")
            || base_name.to_ascii_lowercase().ends_with(".zip")
        {
            return SourceFiles::from_zip(base_name, &bytes);
        }
        let mut files = SourceFiles::new(base_name);
        files.insert(base_name, bytes);
        Ok(files)
    }

    /// Reads a file, a `.zip` or a folder (every file under it, hidden ones left out). An
    /// `imsmanifest.xml` named by itself stands for its folder, the package it describes.
    pub fn read_path(path: &Path) -> Result<SourceFiles, String> {
        let is_manifest = path
            .file_name()
            .is_some_and(|name| name.eq_ignore_ascii_case("imsmanifest.xml"));
        let folder = match path.parent() {
            Some(parent) if is_manifest && path.is_file() => {
                if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                }
            }
            _ => path,
        };
        let name = std::fs::canonicalize(folder)
            .ok()
            .as_deref()
            .unwrap_or(folder)
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        if folder.is_dir() {
            let mut files = SourceFiles::new(&name);
            read_folder(folder, "", &mut files)?;
            return Ok(files);
        }
        let bytes = std::fs::read(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let mut files = SourceFiles::from_bytes(&name, bytes)?;
        if files.len() == 1 && files.contains(&name) {
            files.folder_on_disk = path.parent().map(Path::to_path_buf);
        }
        Ok(files)
    }

    /// Unpacks a zip in memory. When every entry is in one top folder (a zipped folder), that
    /// folder is the source's root.
    pub fn from_zip(name: &str, bytes: &[u8]) -> Result<SourceFiles, String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map_err(|error| format!("{name}: not a zip: {error}"))?;
        let mut files = SourceFiles::new(name);
        let mut total = 0u64;
        for index in 0..archive.len() {
            let entry = archive
                .by_index(index)
                .map_err(|error| format!("{name}: {error}"))?;
            let Some(path) = entry.enclosed_name() else {
                continue;
            };
            let path = path.to_string_lossy().replace('\\', "/");
            if entry.is_dir() || is_clutter(&path) {
                continue;
            }
            let mut content = Vec::new();
            entry
                .take(MAX_UNPACKED_BYTES + 1 - total)
                .read_to_end(&mut content)
                .map_err(|error| format!("{name}: {path}: {error}"))?;
            total += content.len() as u64;
            if total > MAX_UNPACKED_BYTES {
                return Err(format!(
                    "{name} unpacks to more than {} MB",
                    MAX_UNPACKED_BYTES / (1024 * 1024)
                ));
            }
            files.insert(&path, content);
        }
        files.strip_single_top_folder();
        Ok(files)
    }

    /// Every path, in order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The bytes of a file.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// A file as UTF-8 text (a byte-order mark removed).
    pub fn text(&self, path: &str) -> Result<&str, String> {
        let bytes = self
            .get(path)
            .ok_or_else(|| format!("{path} is not in {}", self.name))?;
        let text = std::str::from_utf8(bytes).map_err(|_| format!("{path} is not UTF-8 text"))?;
        Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
    }

    /// A file as UTF-8 text, from the source or, when the source does not hold it, from beside it
    /// on disk ([`Self::file_beside`]: a test file read alone finds its items in its folder).
    pub fn text_or_beside(&self, path: &str) -> Result<Cow<'_, str>, Unreadable> {
        if self.contains(path) {
            return self
                .text(path)
                .map(Cow::Borrowed)
                .map_err(|_| Unreadable::NotText);
        }
        let bytes = self.file_beside(path).ok_or(Unreadable::Missing)?;
        let text = String::from_utf8(bytes).map_err(|_| Unreadable::NotText)?;
        Ok(match text.strip_prefix('\u{feff}') {
            Some(rest) => Cow::Owned(rest.to_string()),
            None => Cow::Owned(text),
        })
    }

    /// A file the source refers to but does not hold: for a single file read from disk, the file
    /// at `path` in its folder (below it only: `path` is normalized). The page has no folder.
    pub fn file_beside(&self, path: &str) -> Option<Vec<u8>> {
        let folder = self.folder_on_disk.as_ref()?;
        let path = normalize("", path)?;
        let file = path
            .split('/')
            .fold(folder.clone(), |file, part| file.join(part));
        std::fs::read(file).ok()
    }

    /// Whether some file is under the folder `folder` (`content-pool`).
    pub fn has_folder(&self, folder: &str) -> bool {
        let prefix = format!("{folder}/");
        self.files
            .range(prefix.clone()..)
            .next()
            .is_some_and(|(path, _)| path.starts_with(&prefix))
    }

    /// The names of the folders directly in `folder` (`""` for the root), sorted.
    pub fn subfolders(&self, folder: &str) -> Vec<String> {
        let prefix = if folder.is_empty() {
            String::new()
        } else {
            format!("{folder}/")
        };
        let mut names: Vec<String> = self
            .files
            .keys()
            .filter_map(|path| path.strip_prefix(&prefix))
            .filter_map(|rest| rest.split_once('/').map(|(name, _)| name.to_string()))
            .collect();
        names.dedup();
        names
    }

    /// The source's name without its extension (`quiz` for `quiz.xml`).
    pub fn stem(&self) -> String {
        file_stem(&self.name)
    }

    fn strip_single_top_folder(&mut self) {
        let tops = self.subfolders("");
        let all_in_one = tops.len() == 1 && self.files.keys().all(|path| path.contains('/'));
        if !all_in_one {
            return;
        }
        let prefix = format!("{}/", tops[0]);
        self.files = std::mem::take(&mut self.files)
            .into_iter()
            .map(|(path, bytes)| (path[prefix.len()..].to_string(), bytes))
            .collect();
    }
}

/// Why a file could not be read as text ([`SourceFiles::text_or_beside`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// Neither in the source nor beside it on disk.
    Missing,
    /// Not UTF-8 text.
    NotText,
}

/// A file name without its extension.
pub fn file_stem(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => base.to_string(),
    }
}

/// The folder part of a path (`items` for `items/a.xml`, `""` for `a.xml`).
pub fn parent_folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// `href` read from the folder `folder`, as a source path: `%20` decoded, `?…` and `#…` cut,
/// `.` and `..` resolved. `None` when it would leave the source, or is absolute or a web address.
pub fn normalize(folder: &str, href: &str) -> Option<String> {
    let href = href.split(['?', '#']).next().unwrap_or_default();
    let decoded = href.replace("%20", " ").replace('\\', "/");
    if decoded.starts_with('/') || decoded.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|part| !part.is_empty()).collect();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Macs add `__MACOSX/` and `.DS_Store` to the zips they make.
fn is_clutter(path: &str) -> bool {
    path.starts_with("__MACOSX/") || path.rsplit('/').next() == Some(".DS_Store")
}

fn read_folder(folder: &Path, prefix: &str, files: &mut SourceFiles) -> Result<(), String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|error| format!("cannot list {}: {error}", folder.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let relative = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        if path.is_dir() {
            read_folder(&path, &relative, files)?;
        } else {
            let bytes = std::fs::read(&path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            files.insert(&relative, bytes);
        }
    }
    Ok(())
}
