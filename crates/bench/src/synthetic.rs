//! Synthetic documents for the regeneration figures: `spec/` with every action repeated N
//! times, each copy renamed (`Get` → `Get V2`, `client.me.get_v2`, `client.me.getV2`, scope
//! `me.getV2`) so the copies are distinct actions for the parser, the merge and the generator.
//! Schemas are shared, as they would be in a larger API.
//!
//! Sections are cut by the same landmarks the parsers use: `## Title` headings in `me.md`, the
//! title two lines above `Method And Url` on the REST page, the description line above
//! `var params` on the JS page. The result is checked by parsing it (see `tests/smoke.rs` and
//! the regen figures, which fail when the count of actions is not N times the original).

use wegnology_model::ApiModel;
use wegnology_parser::Documents;

/// The documents with every action present `copies` times (1 gives them back unchanged).
pub fn repeat(docs: &Documents, model: &ApiModel, copies: usize) -> Result<Documents, String> {
    if copies <= 1 {
        return Ok(docs.clone());
    }
    let resource = model.resources[0].snake_name.clone();
    let reference = repeat_reference(&docs.reference, model, &resource, copies)?;
    let rest = repeat_rest(&docs.rest, model, &resource, copies)?;
    let js = repeat_js(&docs.js, model, &resource, copies)?;
    Ok(Documents {
        package: docs.package.clone(),
        api_version: docs.api_version.clone(),
        reference,
        rest,
        js,
        schemas: docs.schemas.clone(),
    })
}

/// The renames of one action for copy `k` (2, 3, …).
struct Rename<'a> {
    resource: &'a str,
    title: &'a str,
    snake: &'a str,
    camel: &'a str,
    k: usize,
}

impl Rename<'_> {
    fn title(&self) -> String {
        format!("{} V{}", self.title, self.k)
    }

    /// Renames the Python call of a `me.md` section, then its scopes. The Python call goes
    /// first: its snake name can equal the camel name (`get`).
    fn apply_reference(&self, text: &str) -> String {
        let python = format!("client.{}.{}(", self.resource, self.snake);
        let python_copy = format!("client.{}.{}_v{}(", self.resource, self.snake, self.k);
        self.apply(&text.replace(&python, &python_copy))
    }

    /// Renames every `me.<camelName>` token: JS calls and scopes.
    fn apply(&self, text: &str) -> String {
        replace_token(
            text,
            &format!("{}.{}", self.resource, self.camel),
            &format!("{}.{}V{}", self.resource, self.camel, self.k),
        )
    }
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Replaces `from` where it stands as a whole token (no identifier character on either side).
fn replace_token(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().last().or_else(|| out.chars().last());
        let after = rest[at + from.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(is_ident) || after.is_some_and(is_ident) {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

fn action_of<'m>(model: &'m ApiModel, title: &str) -> Result<&'m wegnology_model::Action, String> {
    model
        .actions
        .iter()
        .find(|a| a.title == title)
        .ok_or_else(|| format!("the documents have a section `{title}` that the model lacks"))
}

fn join(lines: &[&str]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `me.md`: sections start at `## ` headings; each copy is listed in Contents too.
fn repeat_reference(
    text: &str,
    model: &ApiModel,
    resource: &str,
    copies: usize,
) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("## "))
        .collect();
    let first = *starts.first().ok_or("me.md has no `## ` sections")?;
    let last_contents = (0..first)
        .rev()
        .find(|&i| lines[i].trim_start().starts_with("*   ["))
        .ok_or("me.md has no Contents list")?;
    let mut contents_copies = Vec::new();
    let mut section_copies = Vec::new();
    for k in 2..=copies {
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            let title = lines[start].trim_start_matches("## ").trim();
            let action = action_of(model, title)?;
            let rename = Rename {
                resource,
                title,
                snake: &action.snake_name,
                camel: &action.camel_name,
                k,
            };
            let anchor = title.to_lowercase().replace(' ', "-");
            contents_copies.push(format!("*   [{}](#{anchor}-v{k})", rename.title()));
            let mut section = vec![format!("## {}", rename.title())];
            section.extend(
                lines[start + 1..end]
                    .iter()
                    .map(|l| rename.apply_reference(l)),
            );
            section_copies.push(section.join("\n"));
        }
    }
    let mut out = join(&lines[..=last_contents]);
    for line in contents_copies {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&join(&lines[last_contents + 1..]));
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(&section_copies.join("\n"));
    out.push('\n');
    Ok(out)
}

/// The REST page: a section is its title, its description, `Method And Url` … up to the next
/// title; the page's footer (after the last table row) stays at the end.
fn repeat_rest(
    text: &str,
    model: &ApiModel,
    resource: &str,
    copies: usize,
) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim() == "Method And Url" && i >= 2)
        .map(|i| i - 2)
        .collect();
    if starts.is_empty() {
        return Err("the REST page has no `Method And Url` sections".into());
    }
    let footer = (0..lines.len())
        .rev()
        .find(|&i| lines[i].contains('|'))
        .map_or(lines.len(), |i| i + 1);
    let mut copies_text = Vec::new();
    for k in 2..=copies {
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(footer);
            let title = lines[start].trim();
            let action = action_of(model, title)?;
            let rename = Rename {
                resource,
                title,
                snake: &action.snake_name,
                camel: &action.camel_name,
                k,
            };
            copies_text.push(rename.title());
            copies_text.extend(lines[start + 1..end].iter().map(|l| rename.apply(l)));
        }
    }
    let mut out = join(&lines[..footer]);
    for line in copies_text {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&lines[footer..].join("\n"));
    Ok(out)
}

/// The JS page: a section is the description line above `var params` up to the next one.
fn repeat_js(
    text: &str,
    model: &ApiModel,
    resource: &str,
    copies: usize,
) -> Result<String, String> {
    let lines: Vec<&str> = text.lines().collect();
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim().starts_with("var params") && i >= 1)
        .map(|i| i - 1)
        .collect();
    if starts.is_empty() {
        return Err("the JS page has no `var params` sections".into());
    }
    let call = format!("client.{resource}.");
    let mut copies_text = Vec::new();
    for k in 2..=copies {
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            let section = &lines[start..end];
            let camel = section
                .iter()
                .find_map(|l| {
                    let name = l.trim().strip_prefix(&call)?;
                    name.split('(').next().filter(|n| name.len() > n.len())
                })
                .ok_or_else(|| format!("a JS section (line {}) without a call", start + 1))?;
            let Some(action) = model.actions.iter().find(|a| a.camel_name == camel) else {
                // The JS page may document an action the model does not keep; copy it as is.
                copies_text.extend(section.iter().map(|l| l.to_string()));
                continue;
            };
            let rename = Rename {
                resource,
                title: &action.title,
                snake: &action.snake_name,
                camel: &action.camel_name,
                k,
            };
            copies_text.extend(section.iter().map(|l| rename.apply(l)));
        }
    }
    let mut out = join(&lines);
    for line in copies_text {
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// Writes `docs` as the files of a published-documents directory (`spec/published`).
pub fn write(docs: &Documents, dir: &std::path::Path) -> std::io::Result<()> {
    let texts = [
        &docs.api_version,
        &docs.reference,
        &docs.rest,
        &docs.js,
        &docs.schemas,
    ];
    for (name, text) in wegnology_parser::FILES.iter().zip(texts) {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::replace_token;

    #[test]
    fn tokens_are_replaced_whole() {
        assert_eq!(
            replace_token(
                "me.get, client.me.get(p) me.getX some.get me.get_v2(",
                "me.get",
                "me.getV2"
            ),
            "me.getV2, client.me.getV2(p) me.getX some.get me.get_v2("
        );
    }
}
