//! A byte trie in flat arrays, built in one pass from sorted unique keys (no per-node allocation).
//!
//! A node is known by a 64-bit *handle* that holds everything a walk needs about it, so each step costs
//! one memory access (the parent's edges) instead of two (edges, then the child's record):
//!
//! ```text
//! bits  0..32  first   index of its edges (sparse) or of its 256-slot table (dense)
//! bits 32..41  n       number of children (0..=256)
//! bit  41      terminal: the node ends a key
//! bit  42      dense
//! ```
//!
//! A sparse node's edges are `handle << 8 | label` words sorted by label, preceded by its terminal number
//! when it is terminal. A dense node (12+ children, and the root) has a table of 256 child handles
//! (0 = none) and keeps its terminal number in `dense_term`. Handle 0 is "no node" (every real node has
//! children or is terminal, so its handle is never 0).

/// No terminal.
pub const NONE: u32 = u32::MAX;
/// Nodes with at least this many children get a dense 256-slot table.
const DENSE_MIN: usize = 12;

const N_SHIFT: u32 = 32;
const TERM_BIT: u64 = 1 << 41;
const DENSE_BIT: u64 = 1 << 42;

/// A node of the trie (see the module docs); 0 is "no node".
pub type Handle = u64;

/// The compiled trie.
#[derive(Clone, Debug, Default)]
pub struct Trie {
    root: Handle,
    edges: Vec<u64>,
    dense: Vec<u64>,
    dense_term: Vec<u32>,
}

/// One open node while building: the label of the edge into it, its terminal number, its closed children.
struct Level {
    label: u8,
    term: u32,
    kids: Vec<(u8, Handle)>,
}

/// Builds a trie from nodes given in depth-first order.
struct Builder {
    t: Trie,
    levels: Vec<Level>,
    depth: usize,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            t: Trie::default(),
            levels: vec![Level {
                label: 0,
                term: NONE,
                kids: Vec::new(),
            }],
            depth: 1,
        }
    }

    /// Open a child of the innermost open node.
    fn open(&mut self, label: u8, term: u32) {
        if self.levels.len() == self.depth {
            self.levels.push(Level {
                label,
                term,
                kids: Vec::new(),
            });
        } else {
            let l = &mut self.levels[self.depth];
            l.label = label;
            l.term = term;
            l.kids.clear();
        }
        self.depth += 1;
    }

    /// Close the innermost open node, writing its children, and hand it to its parent.
    fn close(&mut self) -> Handle {
        self.depth -= 1;
        let d = self.depth;
        let level = &mut self.levels[d];
        let n = level.kids.len();
        let dense = n >= DENSE_MIN || d == 0;
        let mut h = (n as u64) << N_SHIFT;
        if level.term != NONE {
            h |= TERM_BIT;
        }
        let t = &mut self.t;
        if dense {
            let first = t.dense_term.len();
            t.dense_term.push(level.term);
            let base = t.dense.len();
            t.dense.resize(base + 256, 0);
            for &(b, kid) in &level.kids {
                t.dense[base + b as usize] = kid;
            }
            h |= DENSE_BIT | first as u64;
        } else {
            let first = t.edges.len();
            if level.term != NONE {
                t.edges.push(level.term as u64);
            }
            for &(b, kid) in &level.kids {
                t.edges.push(kid << 8 | b as u64);
            }
            h |= first as u64;
        }
        let label = level.label;
        if d > 0 {
            self.levels[d - 1].kids.push((label, h));
        }
        h
    }

    fn finish(mut self) -> Trie {
        while self.depth > 1 {
            self.close();
        }
        self.t.root = self.close();
        self.t.edges.shrink_to_fit();
        self.t.dense.shrink_to_fit();
        self.t.dense_term.shrink_to_fit();
        self.t
    }
}

impl Trie {
    /// Build from keys sorted in strictly increasing byte order; key `i` becomes terminal `i`.
    pub fn build<'a>(keys: impl Iterator<Item = &'a [u8]>) -> Trie {
        let mut b = Builder::new();
        let mut prev: &[u8] = &[];
        for (ti, key) in keys.enumerate() {
            debug_assert!(key > prev || ti == 0, "keys must be sorted and unique");
            let lcp = key.iter().zip(prev).take_while(|(a, b)| a == b).count();
            // Close the nodes deeper than the common prefix.
            while b.depth > lcp + 1 {
                b.close();
            }
            for (d, &byte) in key.iter().enumerate().skip(lcp) {
                let last = d + 1 == key.len();
                b.open(byte, if last { ti as u32 } else { NONE });
            }
            prev = key;
        }
        b.finish()
    }

    /// The root.
    #[inline(always)]
    pub fn root(&self) -> Handle {
        self.root
    }

    /// The child of `node` along byte `b`, or 0.
    #[inline(always)]
    pub fn child(&self, node: Handle, b: u8) -> Handle {
        let first = node as u32 as usize;
        if node & DENSE_BIT != 0 {
            return self.dense[first * 256 + b as usize];
        }
        let n = ((node >> N_SHIFT) & 0x1ff) as usize;
        let start = first + (node & TERM_BIT != 0) as usize;
        // Labels are sorted: the first label not below `b` decides.
        for &e in &self.edges[start..start + n] {
            let l = e as u8;
            if l >= b {
                return if l == b { e >> 8 } else { 0 };
            }
        }
        0
    }

    /// Follow a byte string from `node`; 0 if it leaves the trie.
    #[inline]
    pub fn walk(&self, mut node: Handle, bytes: &[u8]) -> Handle {
        for &b in bytes {
            node = self.child(node, b);
            if node == 0 {
                break;
            }
        }
        node
    }

    /// Whether `node` ends a key (no memory access).
    #[inline(always)]
    pub fn is_term(node: Handle) -> bool {
        node & TERM_BIT != 0
    }

    /// The terminal number of `node`, or NONE.
    #[inline(always)]
    pub fn term(&self, node: Handle) -> u32 {
        if node & TERM_BIT == 0 {
            return NONE;
        }
        let first = node as u32 as usize;
        if node & DENSE_BIT != 0 {
            self.dense_term[first]
        } else {
            self.edges[first] as u32
        }
    }

    /// Call `f(label, child)` for every child of `node`, in label order.
    pub(crate) fn for_each_child(&self, node: Handle, mut f: impl FnMut(u8, Handle)) {
        let first = node as u32 as usize;
        if node & DENSE_BIT != 0 {
            let base = first * 256;
            for (b, &h) in self.dense[base..base + 256].iter().enumerate() {
                if h != 0 {
                    f(b as u8, h);
                }
            }
        } else {
            let n = ((node >> N_SHIFT) & 0x1ff) as usize;
            let start = first + (node & TERM_BIT != 0) as usize;
            for &e in &self.edges[start..start + n] {
                f(e as u8, e >> 8);
            }
        }
    }

    fn children(&self, node: Handle) -> Vec<(u8, Handle)> {
        let first = node as u32 as usize;
        if node & DENSE_BIT != 0 {
            let base = first * 256;
            (0..256)
                .filter(|&b| self.dense[base + b] != 0)
                .map(|b| (b as u8, self.dense[base + b]))
                .collect()
        } else {
            let n = ((node >> N_SHIFT) & 0x1ff) as usize;
            let start = first + (node & TERM_BIT != 0) as usize;
            self.edges[start..start + n]
                .iter()
                .map(|&e| (e as u8, e >> 8))
                .collect()
        }
    }

    /// A compact encoding for saving: per node in depth-first order, two bytes `n | terminal << 15` (its
    /// number of children, whether it ends a key) and, for every node but the root, the label of the edge
    /// into it. Handles and terminal numbers follow from the order.
    pub(crate) fn encode(&self) -> (Vec<u16>, Vec<u8>) {
        let mut shape = Vec::new();
        let mut labels = Vec::new();
        let mut stack: Vec<(u8, Handle)> = vec![(0, self.root)];
        while let Some((label, h)) = stack.pop() {
            let n = ((h >> N_SHIFT) & 0x1ff) as u16;
            shape.push(n | (Trie::is_term(h) as u16) << 15);
            labels.push(label);
            let kids = self.children(h);
            stack.extend(kids.into_iter().rev());
        }
        (shape, labels)
    }

    /// Rebuild from [`Trie::encode`]; any inconsistency is an error, never a panic. Returns the trie and
    /// its number of terminals.
    pub(crate) fn decode(shape: &[u16], labels: &[u8]) -> std::result::Result<(Trie, u32), String> {
        if shape.is_empty() || shape.len() != labels.len() || shape.len() > (u32::MAX / 2) as usize
        {
            return Err("bad trie sizes".into());
        }
        if shape[0] & 0x8000 != 0 {
            return Err("the root cannot end a key".into());
        }
        let mut b = Builder::new();
        let mut n_terms = 0u32;
        // Children still to come for each open node (index = depth - 1).
        let mut left: Vec<u32> = vec![(shape[0] & 0x7fff) as u32];
        for (i, &s) in shape.iter().enumerate().skip(1) {
            let n = (s & 0x7fff) as u32;
            if n > 256 {
                return Err(format!("node {i}: {n} children"));
            }
            while left.last() == Some(&0) {
                left.pop();
                b.close();
            }
            let Some(parent_left) = left.last_mut() else {
                return Err(format!("node {i} has no parent"));
            };
            *parent_left -= 1;
            let label = labels[i];
            let parent = &b.levels[b.depth - 1];
            if parent.kids.last().is_some_and(|&(l, _)| l >= label) {
                return Err(format!("node {i}: children out of order"));
            }
            let term = if s & 0x8000 != 0 {
                n_terms += 1;
                n_terms - 1
            } else if n == 0 {
                return Err(format!("node {i}: a leaf must end a key"));
            } else {
                NONE
            };
            b.open(label, term);
            left.push(n);
        }
        while let Some(l) = left.pop() {
            if l != 0 {
                return Err("missing nodes".into());
            }
            if !left.is_empty() {
                b.close();
            }
        }
        Ok((b.finish(), n_terms))
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.edges.len() * 8 + self.dense.len() * 8 + self.dense_term.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Vec<Vec<u8>> {
        let mut keys: Vec<Vec<u8>> = ["a", "ab", "abc", "abd", "b", "ba", "zzz", "Ω"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        // Many children under one node, to exercise the dense tables.
        for c in 0u8..=255 {
            keys.push(vec![b'q', c, b'x']);
        }
        keys.sort();
        keys
    }

    #[test]
    fn finds_exactly_the_keys() {
        let keys = keys();
        let t = Trie::build(keys.iter().map(|k| k.as_slice()));
        for (i, k) in keys.iter().enumerate() {
            let node = t.walk(t.root(), k);
            assert_ne!(node, 0);
            assert_eq!(t.term(node), i as u32);
        }
        for k in ["", "q", "zz", "abcd", "c", "qA"] {
            let node = t.walk(t.root(), k.as_bytes());
            assert!(node == 0 || t.term(node) == NONE, "{k}");
        }
    }

    #[test]
    fn encode_decode_roundtrip() {
        let keys = keys();
        let t = Trie::build(keys.iter().map(|k| k.as_slice()));
        let (shape, labels) = t.encode();
        let (u, n_terms) = Trie::decode(&shape, &labels).unwrap();
        assert_eq!(n_terms as usize, keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(u.term(u.walk(u.root(), k)), i as u32);
        }
        assert_eq!(u.encode(), (shape.clone(), labels.clone()));
        assert!(Trie::decode(&shape[..shape.len() - 1], &labels[..labels.len() - 1]).is_err());
    }
}
