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

    /// The flat arrays: nodes as `(first, n, term)` triples, sparse edges, dense tables.
    pub(crate) fn parts(&self) -> (Vec<u32>, &[u64], &[u32]) {
        let nodes = self
            .nodes
            .iter()
            .flat_map(|n| [n.first, n.n, n.term])
            .collect();
        (nodes, &self.edges, &self.dense)
    }

    /// Rebuild from [`Trie::parts`], checking every index so a damaged file cannot cause a panic later.
    pub(crate) fn from_parts(
        nodes: &[u32],
        edges: Vec<u64>,
        dense: Vec<u32>,
        n_terms: u32,
    ) -> std::result::Result<Trie, String> {
        if nodes.is_empty() || nodes.len() % 3 != 0 || dense.len() % 256 != 0 {
            return Err("bad trie array sizes".into());
        }
        let n_nodes = (nodes.len() / 3) as u64;
        let nodes: Vec<Node> = nodes
            .chunks_exact(3)
            .map(|c| Node {
                first: c[0],
                n: c[1],
                term: c[2],
            })
            .collect();
        for (i, nd) in nodes.iter().enumerate() {
            if nd.term != NONE && nd.term >= n_terms {
                return Err(format!("node {i}: terminal out of range"));
            }
            let is_dense = nd.n >= DENSE_MIN || i == 0;
            let ok = if is_dense {
                (nd.first as u64 + 1) * 256 <= dense.len() as u64
            } else {
                nd.first as u64 + nd.n as u64 <= edges.len() as u64
            };
            if !ok || nd.n > 256 {
                return Err(format!("node {i}: children out of range"));
            }
        }
        if edges.iter().any(|&e| (e >> 8) >= n_nodes)
            || dense.iter().any(|&d| d != NONE && d as u64 >= n_nodes)
        {
            return Err("edge target out of range".into());
        }
        Ok(Trie {
            nodes,
            edges,
            dense,
        })
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
