//! The generic resource store: the items of every collection, each under its own path
//! (`/applications/{id}/devices/{id}`), so an item's collection is the path above it and
//! everything below an item's path belongs to it. Knows nothing of the model: the rules that
//! decide what goes in and out are `crud`'s.

use std::collections::BTreeMap;

use serde_json::Value;

/// An item and when it was stored (the store's own order of creation).
#[derive(Debug, Clone)]
struct Stored {
    serial: u64,
    value: Value,
}

/// Default for the most items the store holds ([`crate::FakeConfig::max_stored_items`]).
pub(crate) const MAX_STORED_ITEMS: usize = 100_000;

/// Items by path.
#[derive(Debug)]
pub(crate) struct Store {
    items: BTreeMap<String, Stored>,
    serial: u64,
    /// Most items held: past it creates are refused, so memory stays bounded.
    capacity: usize,
}

impl Default for Store {
    fn default() -> Store {
        Store {
            items: BTreeMap::new(),
            serial: 0,
            capacity: MAX_STORED_ITEMS,
        }
    }
}

impl Store {
    /// Sets the most items held (seeded ones count too).
    pub(crate) fn set_capacity(&mut self, capacity: usize) {
        self.capacity = capacity;
    }

    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }

    /// Whether a create must be refused.
    pub(crate) fn is_full(&self) -> bool {
        self.items.len() >= self.capacity
    }

    /// How many items are stored.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// Every stored path, in path order.
    pub(crate) fn paths(&self) -> Vec<String> {
        self.items.keys().cloned().collect()
    }

    /// How many items were ever stored (a new one's serial number).
    pub(crate) fn created(&self) -> u64 {
        self.serial
    }

    pub(crate) fn contains(&self, path: &str) -> bool {
        self.items.contains_key(path)
    }

    pub(crate) fn get(&self, path: &str) -> Option<&Value> {
        self.items.get(path).map(|stored| &stored.value)
    }

    /// Stores `value` at `path` (a new item goes last in its collection's order of creation;
    /// a replaced one keeps its place).
    pub(crate) fn put(&mut self, path: String, value: Value) {
        if let Some(stored) = self.items.get_mut(&path) {
            stored.value = value;
            return;
        }
        self.serial += 1;
        let serial = self.serial;
        self.items.insert(path, Stored { serial, value });
    }

    /// Removes the item at `path` and everything stored below it; whether it was there.
    pub(crate) fn remove_tree(&mut self, path: &str) -> bool {
        let below = format!("{path}/");
        let doomed: Vec<String> = self
            .items
            .range(below.clone()..)
            .take_while(|(key, _)| key.starts_with(&below))
            .map(|(key, _)| key.clone())
            .collect();
        for key in doomed {
            self.items.remove(&key);
        }
        self.items.remove(path).is_some()
    }

    /// The items directly in the collection at `path`, in order of creation, with their paths.
    pub(crate) fn children(&self, path: &str) -> Vec<(&str, &Value)> {
        let below = format!("{path}/");
        let mut children: Vec<(u64, &str, &Value)> = self
            .items
            .range(below.clone()..)
            .take_while(|(key, _)| key.starts_with(&below))
            .filter(|(key, _)| !key[below.len()..].contains('/'))
            .map(|(key, stored)| (stored.serial, key.as_str(), &stored.value))
            .collect();
        children.sort_by_key(|(serial, _, _)| *serial);
        children
            .into_iter()
            .map(|(_, key, value)| (key, value))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn items_belong_to_the_path_above_them() {
        let mut store = Store::default();
        store.put("/apps/b".into(), json!({"n": 1}));
        store.put("/apps/a".into(), json!({"n": 2}));
        store.put("/apps/a/devices/x".into(), json!({"n": 3}));
        store.put("/apps/a/devices/x/logs/1".into(), json!({"n": 4}));
        store.put("/apps/ab".into(), json!({"n": 5}));
        // Order of creation, not of paths; nothing from below or from a sibling prefix.
        let names: Vec<&str> = store.children("/apps").iter().map(|(p, _)| *p).collect();
        assert_eq!(names, ["/apps/b", "/apps/a", "/apps/ab"]);
        assert_eq!(store.children("/apps/a/devices").len(), 1);
        assert!(store.remove_tree("/apps/a"));
        assert!(!store.contains("/apps/a/devices/x/logs/1"));
        assert!(store.contains("/apps/ab") && store.contains("/apps/b"));
        assert!(!store.remove_tree("/apps/a"));
        assert_eq!(store.len(), 2);
    }
}
