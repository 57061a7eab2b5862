//! Typed client for the WEGnology Me API.
