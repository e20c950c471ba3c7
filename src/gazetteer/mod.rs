//! Gazetteers: entities with aliases, and exact whole-word matching of those aliases in text.
