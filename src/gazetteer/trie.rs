//! A byte trie in flat arrays, built in one pass from sorted unique keys (no per-node allocation).
//!
//! Nodes are numbered in depth-first order. A node with few children keeps them as a sorted run of
//! `(label, target)` edges; a node with many (and the root) has a dense 256-slot table instead.

/// No node / no terminal.
pub const NONE: u32 = u32::MAX;
/// Nodes with at least this many children get a dense 256-slot table.
const DENSE_MIN: u32 = 12;

#[derive(Clone, Copy, Debug)]
struct Node {
    /// First edge (sparse) or index of the dense table (dense).
    first: u32,
    /// Number of children.
    n: u32,
    /// Terminal index (the key's rank among the sorted unique keys) or NONE.
    term: u32,
}

/// The compiled trie.
#[derive(Clone, Debug, Default)]
pub struct Trie {
    nodes: Vec<Node>,
    /// Sparse edges, `target << 8 | label`, one cache line holding a node's few children.
    edges: Vec<u64>,
    dense: Vec<u32>,
}

impl Trie {
    /// The root node.
    pub const ROOT: u32 = 0;

    /// Build from keys sorted in strictly increasing byte order; key `i` becomes terminal `i`.
    pub fn build<'a>(keys: impl Iterator<Item = &'a [u8]>) -> Trie {
        let mut t = Trie {
            nodes: vec![Node {
                first: 0,
                n: 0,
                term: NONE,
            }],
            ..Trie::default()
        };
        // path[d] = node at depth d on the current key; pending[d] = its children so far.
        let mut path: Vec<u32> = vec![0];
        let mut pending: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut prev: &[u8] = &[];
        for (ti, key) in keys.enumerate() {
            debug_assert!(key > prev || ti == 0, "keys must be sorted and unique");
            let lcp = key.iter().zip(prev).take_while(|(a, b)| a == b).count();
            // Close the nodes deeper than the common prefix.
            while path.len() > lcp + 1 {
                let d = path.len() - 1;
                t.close(path[d], &mut pending[d]);
                path.pop();
            }
            for (d, &b) in key.iter().enumerate().skip(lcp) {
                let id = t.nodes.len() as u32;
                t.nodes.push(Node {
                    first: 0,
                    n: 0,
                    term: NONE,
                });
                pending[d].push((b, id));
                path.push(id);
                if pending.len() <= d + 1 {
                    pending.push(Vec::new());
                }
            }
            t.nodes[*path.last().expect("root") as usize].term = ti as u32;
            prev = key;
        }
        while let Some(node) = path.pop() {
            let d = path.len();
            t.close(node, &mut pending[d]);
        }
        t.nodes.shrink_to_fit();
        t.edges.shrink_to_fit();
        t.dense.shrink_to_fit();
        t
    }

    fn close(&mut self, node: u32, children: &mut Vec<(u8, u32)>) {
        let n = children.len() as u32;
        let nd = &mut self.nodes[node as usize];
        nd.n = n;
        if n >= DENSE_MIN || node == Self::ROOT {
            nd.first = (self.dense.len() / 256) as u32;
            let base = self.dense.len();
            self.dense.resize(base + 256, NONE);
            for &(b, id) in children.iter() {
                self.dense[base + b as usize] = id;
            }
        } else {
            nd.first = self.edges.len() as u32;
            for &(b, id) in children.iter() {
                self.edges.push((id as u64) << 8 | b as u64);
            }
        }
        children.clear();
    }

    /// The child of `node` along byte `b`, or NONE.
    #[inline(always)]
    pub fn child(&self, node: u32, b: u8) -> u32 {
        let nd = self.nodes[node as usize];
        if nd.n >= DENSE_MIN || node == Self::ROOT {
            return self.dense[nd.first as usize * 256 + b as usize];
        }
        let first = nd.first as usize;
        for &e in &self.edges[first..first + nd.n as usize] {
            let l = e as u8;
            if l == b {
                return (e >> 8) as u32;
            }
            if l > b {
                break;
            }
        }
        NONE
    }

    /// Follow a byte string from `node`; NONE if it leaves the trie.
    #[inline]
    pub fn walk(&self, mut node: u32, bytes: &[u8]) -> u32 {
        for &b in bytes {
            node = self.child(node, b);
            if node == NONE {
                break;
            }
        }
        node
    }

    /// The terminal index of `node`, or NONE.
    #[inline(always)]
    pub fn term(&self, node: u32) -> u32 {
        self.nodes[node as usize].term
    }

    /// A compact encoding for saving: per node in id (depth-first) order, two bytes `n | terminal << 15`
    /// (its number of children and whether it ends a key) and, for every node but the root, the label of
    /// the edge into it. Children ids and terminal numbers follow from the depth-first order.
    pub(crate) fn encode(&self) -> (Vec<u16>, Vec<u8>) {
        let mut shape = Vec::with_capacity(self.nodes.len());
        let mut labels = vec![0u8; self.nodes.len()];
        for (i, nd) in self.nodes.iter().enumerate() {
            shape.push(nd.n as u16 | ((nd.term != NONE) as u16) << 15);
            let is_dense = nd.n >= DENSE_MIN || i == 0;
            if is_dense {
                let base = nd.first as usize * 256;
                for (b, &t) in self.dense[base..base + 256].iter().enumerate() {
                    if t != NONE {
                        labels[t as usize] = b as u8;
                    }
                }
            } else {
                for &e in &self.edges[nd.first as usize..(nd.first + nd.n) as usize] {
                    labels[(e >> 8) as usize] = e as u8;
                }
            }
        }
        (shape, labels)
    }

    /// Rebuild from [`Trie::encode`]; any inconsistency is an error, never a panic.
    pub(crate) fn decode(shape: &[u16], labels: &[u8]) -> std::result::Result<(Trie, u32), String> {
        if shape.is_empty() || shape.len() != labels.len() || shape.len() > u32::MAX as usize / 2 {
            return Err("bad trie sizes".into());
        }
        let mut t = Trie {
            nodes: Vec::with_capacity(shape.len()),
            ..Trie::default()
        };
        let mut n_terms = 0u32;
        // Stack of (node, children still to come, its pending children).
        let mut stack: Vec<(u32, u32)> = Vec::new();
        let mut pending: Vec<Vec<(u8, u32)>> = Vec::new();
        for (i, &s) in shape.iter().enumerate() {
            let n = (s & 0x7fff) as u32;
            if n > 256 {
                return Err(format!("node {i}: {n} children"));
            }
            let term = if s & 0x8000 != 0 {
                n_terms += 1;
                n_terms - 1
            } else {
                NONE
            };
            t.nodes.push(Node {
                first: 0,
                n: 0,
                term,
            });
            if i > 0 {
                // Close finished parents, then hang this node under the innermost open one.
                while let Some(&(node, 0)) = stack.last() {
                    let d = stack.len() - 1;
                    let mut kids = std::mem::take(&mut pending[d]);
                    t.close(node, &mut kids);
                    pending[d] = kids;
                    stack.pop();
                }
                let d = match stack.len() {
                    0 => return Err(format!("node {i} has no parent")),
                    d => d - 1,
                };
                let label = labels[i];
                if pending[d].last().is_some_and(|&(l, _)| l >= label) {
                    return Err(format!("node {i}: children out of order"));
                }
                pending[d].push((label, i as u32));
                stack[d].1 -= 1;
            }
            stack.push((i as u32, n));
            if pending.len() < stack.len() {
                pending.push(Vec::new());
            }
        }
        while let Some((node, left)) = stack.pop() {
            if left != 0 {
                return Err("missing nodes".into());
            }
            let d = stack.len();
            let mut kids = std::mem::take(&mut pending[d]);
            t.close(node, &mut kids);
            pending[d] = kids;
        }
        if t.nodes[0].term != NONE {
            return Err("the root cannot end a key".into());
        }
        Ok((t, n_terms))
    }

    /// Number of nodes.
    pub fn n_nodes(&self) -> usize {
        self.nodes.len()
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.nodes.len() * std::mem::size_of::<Node>() + self.edges.len() * 8 + self.dense.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_decode_roundtrip() {
        let mut keys: Vec<Vec<u8>> = ["a", "ab", "abc", "abd", "b", "ba", "zzz", "Ω"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        for c in 0u8..=255 {
            keys.push(vec![b'q', c, b'x']);
        }
        keys.sort();
        let t = Trie::build(keys.iter().map(|k| k.as_slice()));
        let (shape, labels) = t.encode();
        let (u, n_terms) = Trie::decode(&shape, &labels).unwrap();
        assert_eq!(n_terms as usize, keys.len());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(u.term(u.walk(Trie::ROOT, k)), i as u32);
        }
        assert_eq!(u.n_nodes(), t.n_nodes());
        assert!(Trie::decode(&shape[..shape.len() - 1], &labels[..labels.len() - 1]).is_err());
    }

    #[test]
    fn finds_exactly_the_keys() {
        let mut keys: Vec<Vec<u8>> = ["a", "ab", "abc", "b", "ba", "zzz", "Ω"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        // Many children under one node, to exercise the dense tables.
        for c in b'a'..=b'z' {
            keys.push(vec![b'q', c]);
        }
        keys.sort();
        let t = Trie::build(keys.iter().map(|k| k.as_slice()));
        for (i, k) in keys.iter().enumerate() {
            let node = t.walk(Trie::ROOT, k);
            assert_ne!(node, NONE);
            assert_eq!(t.term(node), i as u32);
        }
        for k in ["", "q", "zz", "abcd", "c", "qA"] {
            let node = t.walk(Trie::ROOT, k.as_bytes());
            assert!(node == NONE || t.term(node) == NONE, "{k}");
        }
    }
}
