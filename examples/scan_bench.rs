//! Rough single-thread timing of the core scanner on a corpus (not a test; see bench/ for the real harness).
//! Usage: cargo run --release --example scan_bench -- CORPUS.txt GAZ.tsv [insensitive|smart]
use saidwho::gazetteer::{CaseMode, Gazetteer, Options, TableOptions};
use std::time::Instant;

/// CPU time of this thread, in seconds (the machine is shared: wall time is noisy).
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
    let text = std::fs::read_to_string(&args[1]).expect("corpus");
    let case = CaseMode::parse(args.get(3).map(|s| s.as_str()).unwrap_or("insensitive")).unwrap();
    let t = Instant::now();
    let f = std::fs::File::open(&args[2]).unwrap();
    let es = saidwho::gazetteer::read_table(std::io::BufReader::new(f), "x", &TableOptions::tsv())
        .unwrap();
    eprintln!("read_table {:?}", t.elapsed());
    drop(es);
    let t = Instant::now();
    let c = cpu();
    let g = Gazetteer::from_table_path(
        std::path::Path::new(&args[2]),
        &TableOptions::tsv(),
        Options {
            case,
            ..Options::default()
        },
    )
    .expect("gazetteer");
    let build = t.elapsed();
    eprintln!("build cpu {:.3}s", cpu() - c);
    if std::env::var("LOAD_ONLY").is_ok() {
        let bytes = g.to_bytes();
        for _ in 0..3 {
            let c = cpu();
            let t = Instant::now();
            let g2 = Gazetteer::from_bytes(&bytes).unwrap();
            eprintln!(
                "from_bytes cpu {:.3}s wall {:.3}s ({} bytes)",
                cpu() - c,
                t.elapsed().as_secs_f64(),
                bytes.len()
            );
            drop(g2);
        }
        return;
    }
    if std::env::var("BUILD_ONLY").is_ok() {
        println!("build {:.3}s", build.as_secs_f64());
        return;
    }
    let ucs2: Vec<u16> = text.encode_utf16().collect();
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut n = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let c = cpu();
        n = 0;
        g.find_in(ucs2.as_slice(), false, |_| n += 1);
        best_cpu = best_cpu.min(cpu() - c);
        best = best.min(t.elapsed().as_secs_f64());
    }
    eprintln!(
        "scan by CPU time: {:.1} MB/s",
        text.len() as f64 / 1e6 / best_cpu
    );
    let t = Instant::now();
    let bytes = g.to_bytes();
    let ser = t.elapsed();
    let t = Instant::now();
    let _g2 = Gazetteer::from_bytes(&bytes).unwrap();
    let load = t.elapsed();
    println!(
        "build {:.3}s, scan {:.1} MB/s ({n} matches), saved {} bytes, to_bytes {:.3}s, from_bytes {:.3}s",
        build.as_secs_f64(),
        text.len() as f64 / 1e6 / best,
        bytes.len(),
        ser.as_secs_f64(),
        load.as_secs_f64()
    );
}
