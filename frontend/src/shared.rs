//! [`Shared`]: one entry of a run (a query, a fact, a check result) as the page holds it.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

/// An entry held once behind an `Rc` and compared by identity.
///
/// A run's entries never change once they have arrived. The state is replaced on every
/// frame of a run and the views are re-rendered from it; holding entries by value made
/// each frame copy every query, fact and check so far (into the new state, and again into
/// each component's properties) and compare them field by field. Shared, a frame copies
/// pointers, and a component given the same entry as before is not rendered again.
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Self {
        Self(Rc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Rc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> Borrow<T> for Shared<T> {
    fn borrow(&self) -> &T {
        &self.0
    }
}

/// Identity: the same arrival, not merely equal contents.
impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Shares every entry of `values`.
pub fn share_all<T>(values: Vec<T>) -> Vec<Shared<T>> {
    values.into_iter().map(Shared::new).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_contents_are_not_the_same_entry() {
        let a = Shared::new(String::from("x"));
        let b = Shared::new(String::from("x"));
        assert_eq!(a, a.clone());
        assert_ne!(a, b);
        assert_eq!(*a, *b);
    }
}
