//! Parses the WEGnology API documents of `spec/` into the endpoint model.
