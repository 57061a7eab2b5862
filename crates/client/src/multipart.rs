//! `multipart/form-data` bodies (the file upload, the notebook upload and the two imports): the
//! parts a request holds, and the `reqwest` form each attempt sends, made from them again.
//!
//! Each field is one part, as the official JS client (the `form-data` package) sends them: a
//! file with its file name and a content type (given, or guessed from the name,
//! `application/octet-stream` when the name says nothing); a text without file name or content
//! type; an object as its JSON text, like a text.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use bytes::Bytes;
use reqwest::multipart::{Form, Part as FormPart};

use crate::error::Error;

/// The content type of a file whose name says nothing (what `form-data` sends for a buffer).
const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

/// A file to upload: its bytes, the file name sent with them, and its content type.
///
/// ```
/// let part = wegnology::FilePart::new(&b"{\"a\":1}"[..], "bundle.json");
/// assert_eq!(part.mime_type(), "application/json");
/// let part = part.content_type("application/zip");
/// assert_eq!(format!("{part:?}"), r#"FilePart { file_name: "bundle.json", size: 7, content_type: "application/zip" }"#);
/// ```
///
/// Cheap to clone: the bytes are shared ([`Bytes`]), so every attempt of a call, and every clone
/// of a request, sends the same buffer without copying it.
#[derive(Clone)]
pub struct FilePart {
    bytes: Bytes,
    file_name: String,
    content_type: Cow<'static, str>,
}

impl FilePart {
    /// `bytes` sent as the file `file_name`, of the content type its extension suggests
    /// (`application/octet-stream` for a name that suggests none).
    pub fn new(bytes: impl Into<Bytes>, file_name: impl Into<String>) -> FilePart {
        let file_name = file_name.into();
        let content_type = mime_guess::from_path(&file_name)
            .first_raw()
            .unwrap_or(DEFAULT_CONTENT_TYPE);
        FilePart {
            bytes: bytes.into(),
            file_name,
            content_type: Cow::Borrowed(content_type),
        }
    }

    /// The file at `path`, read now, sent under its file name (its last component). A file that
    /// cannot be read is an [`Error::File`] naming the path and the cause.
    pub fn from_path(path: impl AsRef<Path>) -> Result<FilePart, Error> {
        let path = path.as_ref();
        let failed = |source| Error::File {
            path: path.to_path_buf(),
            source,
        };
        let bytes = std::fs::read(path).map_err(failed)?;
        let file_name = path.file_name().ok_or_else(|| {
            failed(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the path names no file",
            ))
        })?;
        Ok(FilePart::new(bytes, file_name.to_string_lossy()))
    }

    /// Sends the file as `mime` instead of the type guessed from its name. A value that is not
    /// a MIME type (`type/subtype`) is refused when the part is added to a request.
    pub fn content_type(mut self, mime: impl Into<String>) -> Self {
        self.content_type = Cow::Owned(mime.into());
        self
    }

    /// The file name sent.
    pub fn file_name(&self) -> &str {
        &self.file_name
    }

    /// The content type sent.
    pub fn mime_type(&self) -> &str {
        &self.content_type
    }

    /// The bytes sent.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }
}

/// The name, size and type: never the bytes.
impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FilePart")
            .field("file_name", &self.file_name)
            .field("size", &self.bytes.len())
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// One field of a multipart body.
#[derive(Clone)]
pub(crate) struct Part {
    pub(crate) name: &'static str,
    pub(crate) value: Value,
}

#[derive(Clone)]
pub(crate) enum Value {
    File(FilePart),
    /// A text, or an object's JSON text: no file name, no content type.
    Text(String),
}

impl Part {
    /// Why `file` cannot be sent, if it cannot.
    pub(crate) fn refusal(file: &FilePart) -> Option<&'static str> {
        match file.content_type.parse::<mime_guess::mime::Mime>() {
            Ok(_) => None,
            Err(_) => Some("the content type is not a MIME type (`type/subtype`)"),
        }
    }
}

/// Shows each part's name and its file's name, size and type, or its text's size: a text can be
/// an email or a secret.
impl fmt::Debug for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Value::File(file) => write!(f, "{}: {file:?}", self.name),
            Value::Text(text) => write!(f, "{}: <{} bytes>", self.name, text.len()),
        }
    }
}

/// The form of one attempt: the parts in order, the files' bytes shared, not copied.
pub(crate) fn form(parts: &[Part]) -> Form {
    parts.iter().fold(Form::new(), |form, part| {
        let sent = match &part.value {
            Value::Text(text) => FormPart::text(text.clone()),
            Value::File(file) => {
                let length = file.bytes.len() as u64;
                let part = FormPart::stream_with_length(file.bytes.clone(), length)
                    .file_name(file.file_name.clone());
                // Checked when the part was added (`Part::refusal`); a type refused anyway is
                // sent without a content type rather than not at all.
                match part.mime_str(&file.content_type) {
                    Ok(part) => part,
                    Err(_) => FormPart::stream_with_length(file.bytes.clone(), length)
                        .file_name(file.file_name.clone()),
                }
            }
        };
        form.part(part.name, sent)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_content_type_is_guessed_from_the_name() {
        assert_eq!(FilePart::new(&b""[..], "rows.csv").mime_type(), "text/csv");
        assert_eq!(
            FilePart::new(&b""[..], "bundle.zip").mime_type(),
            "application/zip"
        );
        assert_eq!(
            FilePart::new(&b""[..], "no-extension").mime_type(),
            DEFAULT_CONTENT_TYPE
        );
    }

    #[test]
    fn a_bad_content_type_is_refused() {
        let file = FilePart::new(&b""[..], "a.txt");
        assert_eq!(Part::refusal(&file), None);
        assert!(Part::refusal(&file.content_type("not a type")).is_some());
    }
}
