//! The official JavaScript client's published package, as `spec/published/wegnology-rest` holds
//! it: `package.json` (its release), `docs/<resource>.md` (a reference page per resource),
//! `docs/_schemas.md` (its schemas) and `lib/api/<resource>.js` (its request tables, with
//! `index.js` giving the API release and base URL). The one place that knows that layout.

use std::path::Path;

use crate::error::SpecError;

/// The package's directory, relative to the published documents (`spec/published`).
pub const DIR: &str = "wegnology-rest";
/// Its `package.json`, which names the package's release.
pub const PACKAGE_JSON: &str = "wegnology-rest/package.json";
/// Its reference pages' directory.
pub const DOCS: &str = "wegnology-rest/docs";
/// Its schemas page.
pub const SCHEMAS: &str = "wegnology-rest/docs/_schemas.md";
/// Its request tables' directory ([`crate::request_table::DIR`]).
pub const TABLES: &str = crate::request_table::DIR;
/// The client's entry point: the API release and the default base URL.
pub const INDEX: &str = "wegnology-rest/lib/api/index.js";

/// One document: its name relative to `spec/published`, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub file: String,
    pub text: String,
}

/// The texts of the package's documents that the pipeline reads.
#[derive(Debug, Clone)]
pub struct PackageDocuments {
    pub package_json: Document,
    pub index: Document,
    pub schemas: Document,
    /// `docs/<resource>.md`, sorted by file name.
    pub pages: Vec<Document>,
    /// `lib/api/<resource>.js` but `index.js`, sorted by file name.
    pub tables: Vec<Document>,
}

impl PackageDocuments {
    /// Reads the package under `published` (`spec/published`), or `None` when it has none.
    pub fn read(published: &Path) -> Result<Option<PackageDocuments>, SpecError> {
        if !published.join(DIR).is_dir() {
            return Ok(None);
        }
        let read = |file: &str| -> Result<Document, SpecError> {
            let path = published.join(file);
            let bytes = std::fs::read(&path).map_err(|source| SpecError::Read { path, source })?;
            Ok(Document {
                file: file.to_string(),
                text: crate::text(file, bytes)?,
            })
        };
        let list = |dir: &str, extension: &str, skip: &str| -> Result<Vec<String>, SpecError> {
            let path = published.join(dir);
            let entries = std::fs::read_dir(&path).map_err(|source| SpecError::Read {
                path: path.clone(),
                source,
            })?;
            let mut files = Vec::new();
            for entry in entries {
                let entry = entry.map_err(|source| SpecError::Read {
                    path: path.clone(),
                    source,
                })?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.ends_with(extension) && name != skip {
                    files.push(format!("{dir}/{name}"));
                }
            }
            files.sort();
            Ok(files)
        };
        let pages = list(DOCS, ".md", "_schemas.md")?
            .iter()
            .map(|file| read(file))
            .collect::<Result<Vec<_>, _>>()?;
        let tables = list(TABLES, ".js", "index.js")?
            .iter()
            .map(|file| read(file))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Some(PackageDocuments {
            package_json: read(PACKAGE_JSON)?,
            index: read(INDEX)?,
            schemas: read(SCHEMAS)?,
            pages,
            tables,
        }))
    }

    /// Every document, in the order they are read.
    pub fn documents(&self) -> impl Iterator<Item = &Document> {
        [&self.package_json, &self.index, &self.schemas]
            .into_iter()
            .chain(&self.pages)
            .chain(&self.tables)
    }
}

/// The release of the package (`2.12.5`, from `package.json`'s `version`).
pub fn package_version(package_json: &Document) -> Result<String, SpecError> {
    let value: serde_json::Value = serde_json::from_str(&package_json.text).map_err(|error| {
        SpecError::malformed(
            &package_json.file,
            error.line().max(1),
            format!("a JSON package manifest ({error})"),
        )
    })?;
    let version = value.get("version").and_then(serde_json::Value::as_str);
    match version {
        Some(version) if crate::is_release(version) => Ok(version.to_string()),
        _ => Err(SpecError::malformed(
            &package_json.file,
            1,
            "a `\"version\": \"<major>.<minor>.<patch>\"` entry",
        )),
    }
}

/// The resource a page or table is of: its file stem (`applicationApiToken`).
pub fn resource_of(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}
