//! An embedded fake of the WEGnology Me API.
