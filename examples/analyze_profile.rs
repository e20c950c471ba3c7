//! Single-thread CPU time of `analyze` per stage on a corpus (a profiling aid, not a test; see bench/ for the
//! real harness). Usage: cargo run --release --example analyze_profile -- CORPUS.txt GAZ.swg [reported|plain]
//! (GAZ.swg: the saved default gazetteer, e.g. gunzip of python/saidwho/data/default_gazetteer.swg.gz).
use saidwho::corpus::analyze::{analyze, entity_mentions};
use saidwho::gazetteer::Gazetteer;
use saidwho::quotes::{extract, QuoteOptions};

/// CPU time of this thread, in seconds.
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    s.split_whitespace()
        .next()
        .and_then(|x| x.parse::<f64>().ok())
        .unwrap_or(0.0)
        / 1e9
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // CORPUS: a text file (documents split at blank lines) or a folder of .txt files (one document each).
    let text = if std::path::Path::new(&args[1]).is_dir() {
        let mut files: Vec<_> = std::fs::read_dir(&args[1])
            .expect("folder")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                std::fs::read_to_string(f)
                    .expect("file")
                    .replace("\n\n", "\n \n")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    } else {
        std::fs::read_to_string(&args[1]).expect("corpus")
    };
    let gaz =
        Gazetteer::from_bytes(&std::fs::read(&args[2]).expect("gazetteer")).expect("gazetteer");
    let opts = QuoteOptions {
        reported: args.get(3).is_none_or(|m| m != "plain"),
        ..QuoteOptions::default()
    };
    let docs: Vec<&str> = text
        .split("\n\n")
        .filter(|d| !d.trim().is_empty())
        .collect();
    let mb = docs.iter().map(|d| d.len()).sum::<usize>() as f64 / 1e6;
    let rate = |label: &str, s: f64| eprintln!("{label:<28} {:7.1} MB/CPU-s ({s:.2} s)", mb / s);
    // DIGEST=path: one line per document with a hash of its whole analysis (to compare two builds' outputs).
    if let Ok(path) = std::env::var("DIGEST") {
        use std::hash::{Hash, Hasher};
        let lines: Vec<String> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                format!("{:?}", analyze(d, Some(&gaz), &opts)).hash(&mut h);
                format!("{i} {:016x}", h.finish())
            })
            .collect();
        std::fs::write(path, lines.join("\n") + "\n").expect("digest");
        return;
    }
    // ONLY_ANALYZE=1: just the last stage (for callgrind/perf).
    if std::env::var("ONLY_ANALYZE").is_ok() {
        let q: usize = docs
            .iter()
            .map(|d| analyze(d, Some(&gaz), &opts).quotes.quotes.len())
            .sum();
        eprintln!("{q} quotes");
        return;
    }
    let c = cpu();
    let mut n = 0;
    for d in &docs {
        n += gaz.find_str(d, false).len();
    }
    rate("gazetteer find_str", cpu() - c);
    let mentions: Vec<_> = docs
        .iter()
        .map(|d| entity_mentions(&gaz, &gaz.find_str(d, false)))
        .collect();
    let c = cpu();
    let mut q = 0;
    for (d, m) in docs.iter().zip(&mentions) {
        q += extract(d, m, &opts).quotes.len();
    }
    rate("extract (given mentions)", cpu() - c);
    let c = cpu();
    for d in &docs {
        q += analyze(d, Some(&gaz), &opts).quotes.quotes.len();
    }
    rate("analyze", cpu() - c);
    eprintln!("{n} mentions, {q} quotes");
}
