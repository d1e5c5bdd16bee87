//! Security helpers: random tokens and their hashes, password hashing,
//! CSRF protection, counting failed attempts, and response headers.

pub mod csrf;
pub mod headers;
pub mod limiter;
pub mod password;
pub mod tokens;
