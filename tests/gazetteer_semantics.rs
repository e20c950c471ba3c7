//! Semantics of the gazetteer matcher, rule by rule, on real sentences. Offsets are checked by slicing.
use saidwho::gazetteer::{
    read_table, AccentMode, Alias, CaseMode, Entry, Gazetteer, Options, TableOptions,
};
use saidwho::Error;

fn gaz(entries: Vec<Entry>, case: CaseMode, accents: AccentMode) -> Gazetteer {
    Gazetteer::new(entries, Options { case, accents }).expect("valid gazetteer")
}

fn simple(aliases: &[(&str, &str)]) -> Gazetteer {
    let entries = aliases
        .iter()
        .map(|(id, a)| Entry::new(id, a, "GPE", &[]))
        .collect();
    gaz(entries, CaseMode::Smart, AccentMode::Keep)
}

/// (matched text, top id) pairs.
fn found<'t>(g: &Gazetteer, text: &'t str, overlapping: bool) -> Vec<(&'t str, String)> {
    g.find_str(text, overlapping)
        .into_iter()
        .map(|m| (&text[m.start..m.end], g.entry(m.entry).id.to_string()))
        .collect()
}

fn texts<'t>(g: &Gazetteer, text: &'t str) -> Vec<&'t str> {
    found(g, text, false).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn whole_words_only() {
    let g = simple(&[
        ("russia", "Russia"),
        ("russian", "Russian"),
        ("kyiv", "Kyiv"),
    ]);
    let t = "Russia’s army, Russian-held towns, Kyivstar and Kyiv.";
    assert_eq!(texts(&g, t), ["Russia", "Russian", "Kyiv"]);
    assert_eq!(found(&g, t, false)[2].1, "kyiv");
    assert!(texts(&g, "ukyiv kyivs _kyiv kyiv_ kyiv2 2kyiv").is_empty());
    assert_eq!(texts(&g, "kyiv"), ["kyiv"]);
    assert_eq!(texts(&g, "(Kyiv)"), ["Kyiv"]);
}

#[test]
fn aliases_with_non_word_edges_match_next_to_words() {
    let g = simple(&[("us", "U.S."), ("lang", "C++")]);
    assert_eq!(texts(&g, "the U.S.-led coalition, C++x"), ["U.S.", "C++"]);
    // A non-word start is a valid start even right after a word char.
    let g2 = simple(&[("dot", ".NET")]);
    assert_eq!(texts(&g2, "ASP.NET and .NET"), [".NET", ".NET"]);
}

#[test]
fn leftmost_longest_and_overlapping() {
    let g = simple(&[
        ("ny", "New York"),
        ("nyc", "New York City"),
        ("city", "City"),
        ("york", "York"),
    ]);
    let t = "New York City Hall";
    assert_eq!(found(&g, t, false), [("New York City", "nyc".to_string())]);
    let all: Vec<_> = g
        .find_str(t, true)
        .iter()
        .map(|m| (&t[m.start..m.end], m.start, m.end))
        .collect();
    assert_eq!(
        all,
        [
            ("New York", 0, 8),
            ("New York City", 0, 13),
            ("York", 4, 8),
            ("City", 9, 13)
        ]
    );
}

#[test]
fn exact_not_lossy_hidden_whole_word_match_is_found() {
    // "Kyivstar T" is the longest key at position 0 of "Kyivstar Tower", but it ends inside "Tower";
    // "Kyivstar" ... and the whole-word "Kyiv"? "Kyiv" ends inside "Kyivstar" too. So use a text where the
    // longest candidate ends mid-word and a shorter one is whole-word:
    let g = simple(&[("kyiv", "Kyiv"), ("kyivt", "Kyiv T")]);
    // Leftmost-longest-then-filter picks "Kyiv T" (mid-word in "Tower") and loses "Kyiv".
    assert_eq!(texts(&g, "Kyiv Tower"), ["Kyiv"]);
    // A real case: "Guinea-Bissau" ends inside "Guinea-Bissauan"; the whole-word "Guinea" is kept.
    let g = simple(&[("gn", "Guinea"), ("gw", "Guinea-Bissau")]);
    assert_eq!(
        found(&g, "Guinea-Bissauan officials", false),
        [("Guinea", "gn".to_string())]
    );
    let g = simple(&[("ny", "New York"), ("nys", "New Yorks")]);
    assert_eq!(texts(&g, "New Yorkshire"), Vec::<&str>::new());
    assert_eq!(texts(&g, "New York's"), ["New York"]);
    let g = simple(&[("ny", "New York"), ("nyk", "New Yorksh")]);
    assert_eq!(texts(&g, "New Yorkshire and New York"), ["New York"]);
    assert_eq!(g.find_str("New Yorkshire and New York", false)[0].start, 18);
}

#[test]
fn smart_case() {
    let g = simple(&[
        ("us", "US"),
        ("fsb", "FSB"),
        ("s400", "S-400"),
        ("usa", "U.S."),
        ("kyiv", "Kyiv"),
    ]);
    let t = "us and US, fsb FSB, s-400 S-400, u.s. U.S., KYIV kyiv";
    assert_eq!(texts(&g, t), ["US", "FSB", "S-400", "U.S.", "KYIV", "kyiv"]);
    let ins = gaz(
        vec![Entry::new("us", "US", "GPE", &[])],
        CaseMode::Insensitive,
        AccentMode::Keep,
    );
    assert_eq!(texts(&ins, "us Us US"), ["us", "Us", "US"]);
    let sen = gaz(
        vec![Entry::new("kyiv", "Kyiv", "GPE", &[])],
        CaseMode::Sensitive,
        AccentMode::Keep,
    );
    assert_eq!(texts(&sen, "kyiv KYIV Kyiv"), ["Kyiv"]);
}

#[test]
fn per_alias_case_overrides() {
    let mut e = Entry::new("reading", "Reading", "GPE", &["Reading"]);
    e.aliases[0].case = Some(CaseMode::Sensitive);
    let mut u = Entry::new("un", "UN", "ORG", &["UN"]);
    u.aliases[0].case = Some(CaseMode::Insensitive);
    let g = gaz(vec![e, u], CaseMode::Smart, AccentMode::Keep);
    assert_eq!(
        texts(&g, "reading Reading un UN Un"),
        ["Reading", "un", "UN", "Un"]
    );
}

#[test]
fn unicode_case_folding_and_offsets() {
    let g = simple(&[
        ("strasse", "Strasse"),
        ("fin", "final"),
        ("ist", "istanbul"),
        ("sigma", "σας"),
    ]);
    let t = "Die STRAẞE, die Straße; ﬁnal; İstanbul; ΣΑΣ.";
    let got = found(&g, t, false);
    let ids: Vec<_> = got.iter().map(|(_, id)| id.as_str()).collect();
    // İ folds to i + U+0307, which is not "i": "istanbul" does not match "İstanbul" without accent folding.
    assert_eq!(ids, ["strasse", "strasse", "fin", "sigma"]);
    assert_eq!(got[0].0, "STRAẞE");
    assert_eq!(got[2].0, "ﬁnal");
    let folded = gaz(
        vec![Entry::new("ist", "istanbul", "GPE", &[])],
        CaseMode::Smart,
        AccentMode::Fold,
    );
    assert_eq!(texts(&folded, "İstanbul"), ["İstanbul"]);
    let dotted = simple(&[("ist", "i\u{307}stanbul")]);
    assert_eq!(texts(&dotted, "İSTANBUL"), ["İSTANBUL"]);
}

#[test]
fn apostrophes_dashes_and_white_space() {
    let g = simple(&[
        ("ob", "O'Brien"),
        ("gb", "Guinea-Bissau"),
        ("ny", "New York"),
    ]);
    let t = "O’Brien, Oʼbrien, Guinea–Bissau, Guinea — no, New\n  York and New\tYork.";
    assert_eq!(
        texts(&g, t),
        [
            "O’Brien",
            "Oʼbrien",
            "Guinea–Bissau",
            "New\n  York",
            "New\tYork"
        ]
    );
    let g = simple(&[("ny", "  New   York \n")]);
    assert_eq!(g.entry(0).alias(0).text, "New   York");
    assert_eq!(texts(&g, "New York"), ["New York"]);
}

#[test]
fn accent_folding() {
    let entries = vec![Entry::new("zurich", "Zürich", "GPE", &[])];
    let keep = gaz(entries.clone(), CaseMode::Smart, AccentMode::Keep);
    let fold = gaz(entries, CaseMode::Smart, AccentMode::Fold);
    let t = "Zurich, Zürich, ZÜRICH, Zu\u{308}rich.";
    assert_eq!(texts(&keep, t), ["Zürich", "ZÜRICH"]);
    assert_eq!(
        texts(&fold, t),
        ["Zurich", "Zürich", "ZÜRICH", "Zu\u{308}rich"]
    );
}

#[test]
fn astral_chars_and_byte_offsets() {
    let g = simple(&[("x", "𝐀lpha"), ("b", "beta")]);
    let t = "😀 𝐀lpha 😀beta 😀 beta";
    let ms = g.find_str(t, false);
    let got: Vec<_> = ms.iter().map(|m| &t[m.start..m.end]).collect();
    assert_eq!(got, ["𝐀lpha", "beta", "beta"]);
    // Offsets are UTF-8 byte offsets for &str.
    assert_eq!(ms[0].start, 5);
}

#[test]
fn fixed_width_sources_give_code_point_offsets() {
    let g = simple(&[("ist", "Straße"), ("b", "beta")]);
    let t = "😀 İ STRASSE beta";
    let ucs4: Vec<u32> = t.chars().map(|c| c as u32).collect();
    let mut got = Vec::new();
    g.find_in(ucs4.as_slice(), false, |m| got.push((m.start, m.end)));
    let chars: Vec<char> = t.chars().collect();
    let s: Vec<String> = got
        .iter()
        .map(|&(a, b)| chars[a..b].iter().collect())
        .collect();
    assert_eq!(s, ["STRASSE", "beta"]);
    let latin1: Vec<u8> = "Straße beta".chars().map(|c| c as u8).collect();
    let mut got = Vec::new();
    g.find_in(latin1.as_slice(), false, |m| got.push((m.start, m.end)));
    assert_eq!(got, [(0, 6), (7, 11)]);
    let ucs2: Vec<u16> = "– Straße –".encode_utf16().collect();
    let mut got = Vec::new();
    g.find_in(ucs2.as_slice(), false, |m| got.push((m.start, m.end)));
    assert_eq!(got, [(2, 8)]);
}

#[test]
fn ambiguity_ranked_by_priority_then_order() {
    let mut a = Entry::new("georgia_us", "Georgia", "GPE", &[]);
    a.priority = 1.0;
    let b = Entry::new("georgia_c", "Georgia", "GPE", &[]);
    let mut c = Entry::new("georgia_x", "Georgia", "PERSON", &[]);
    c.priority = 2.0;
    let d = Entry::new("georgia_y", "Georgia", "ORG", &[]);
    let g = gaz(vec![a, b, c, d], CaseMode::Smart, AccentMode::Keep);
    let ms = g.find_str("in Georgia.", false);
    assert_eq!(ms.len(), 1);
    let ids: Vec<_> = ms[0]
        .candidates(&g)
        .iter()
        .map(|&e| g.entry(e).id)
        .collect();
    assert_eq!(ids, ["georgia_x", "georgia_us", "georgia_c", "georgia_y"]);
    assert_eq!(g.entry(ms[0].entry).id, "georgia_x");
}

#[test]
fn context_aliases() {
    let mut reading = Entry::new("reading", "Reading", "GPE", &["Reading"]);
    reading.aliases[0].context = true;
    let mut price = Entry::new("price", "Price", "GPE", &["Price"]);
    price.aliases[0].context = true;
    let mut vol = Entry::new("vol", "Volodymyr", "GPE", &["Volodymyr"]);
    vol.aliases[0].context = true;
    let ned = Entry::new("ned", "Ned Price", "PERSON", &[]);
    let g = gaz(
        vec![reading, price, vol, ned],
        CaseMode::Smart,
        AccentMode::Keep,
    );
    let t = "He lives in Reading, loves reading. Reading is fun. “Reading” too. Ned Price \
             spoke; Volodymyr Zelenskiy too. They met in Reading\nReading rocks, near Price.";
    let got: Vec<_> = g
        .find_str(t, false)
        .iter()
        .map(|m| (&t[m.start..m.end], m.start))
        .collect();
    let first = t.find("Reading").unwrap();
    let last_reading = t.rfind("in Reading").unwrap() + 3;
    let last_price = t.rfind("Price").unwrap();
    assert_eq!(
        got,
        [
            ("Reading", first),
            ("Ned Price", t.find("Ned").unwrap()),
            ("Reading", last_reading),
            ("Price", last_price)
        ]
    );
}

#[test]
fn context_failure_falls_back_to_shorter_valid_match() {
    let mut long = Entry::new("big", "Big Apple", "GPE", &["Big Apple"]);
    long.aliases[0].context = true;
    let big = Entry::new("b", "big", "X", &[]);
    let g = gaz(vec![long, big], CaseMode::Smart, AccentMode::Keep);
    // Sentence-initial: "Big Apple" is refused, the shorter "Big" (case-insensitive) is kept.
    assert_eq!(
        texts(&g, "Big Apple is big. We love Big Apple"),
        ["Big", "big", "Big Apple"]
    );
}

#[test]
fn duplicate_aliases_collapse_and_ids_merge() {
    let a = Entry::new("kyiv", "Kyiv", "GPE", &["Kyiv", " Kiev ", "Kiev"]);
    let b = Entry::new("kyiv", "", "", &["Kyjiw"]);
    let g = gaz(vec![a, b], CaseMode::Smart, AccentMode::Keep);
    assert_eq!(g.len(), 1);
    let texts: Vec<_> = g.entry(0).aliases().map(|a| a.text).collect();
    assert_eq!(texts, ["Kyiv", "Kiev", "Kyjiw"]);
    assert_eq!(g.n_aliases(), 3);
    let ms = g.find_str("Kiev", false);
    assert_eq!(ms[0].candidates(&g), [0]);
}

#[test]
fn bad_entries_are_clear_errors() {
    let opts = Options::default();
    let err = Gazetteer::new(vec![Entry::new("x", "X", "", &["  "])], opts).unwrap_err();
    assert!(
        matches!(err, Error::GazetteerInput(ref m) if m.contains("\"x\"") && m.contains("blank"))
    );
    assert!(Gazetteer::new(vec![Entry::new("", "X", "", &[])], opts).is_err());
    assert!(Gazetteer::new(vec![Entry::new("x", "", "", &[])], opts).is_err());
    let mut e = Entry::new("x", "X", "", &[]);
    e.priority = f64::NAN;
    assert!(Gazetteer::new(vec![e], opts).is_err());
    assert!(CaseMode::parse("Smart").is_err() && AccentMode::parse("strip").is_err());
    // An alias made only of marks is empty once accents are folded.
    let folded = Options {
        case: CaseMode::Smart,
        accents: AccentMode::Fold,
    };
    assert!(Gazetteer::new(vec![Entry::new("m", "\u{301}\u{302}", "", &[])], folded).is_err());
}

#[test]
fn empty_gazetteer_and_texts() {
    let g = gaz(vec![], CaseMode::Smart, AccentMode::Keep);
    assert!(g.find_str("anything at all", true).is_empty());
    let g = simple(&[("a", "a")]);
    assert!(g.find_str("", false).is_empty());
    assert_eq!(texts(&g, "a"), ["a"]);
}

#[test]
fn save_load_roundtrip_and_corruption() {
    let mut e = Entry::new("kyiv", "Kyiv", "GPE", &["Kiev"]);
    e.priority = 1.5;
    e.attrs.insert("country".into(), serde_json::json!("UA"));
    e.aliases.push(Alias {
        text: "Reading".into(),
        case: Some(CaseMode::Sensitive),
        context: true,
    });
    let g = gaz(vec![e], CaseMode::Insensitive, AccentMode::Fold);
    let bytes = g.to_bytes();
    let back = Gazetteer::from_bytes(&bytes).unwrap();
    assert_eq!(back.to_entries(), g.to_entries());
    assert_eq!(back.options(), g.options());
    assert_eq!(
        back.find_str("Kiev and kyiv", false),
        g.find_str("Kiev and kyiv", false)
    );

    let fmt = |r: saidwho::Result<Gazetteer>| match r {
        Err(Error::GazetteerFormat(m)) => m,
        other => panic!("expected a format error, got {other:?}"),
    };
    assert!(fmt(Gazetteer::from_bytes(b"PK\x03\x04 a zip file")).contains("not a saidwho"));
    assert!(fmt(Gazetteer::from_bytes(&bytes[..bytes.len() - 3])).contains("truncated"));
    assert!(fmt(Gazetteer::from_bytes(&bytes[..20])).contains("truncated"));
    let mut bad = bytes.clone();
    let last = bad.len() - 2;
    bad[last] ^= 0x55;
    assert!(fmt(Gazetteer::from_bytes(&bad)).contains("checksum"));
    let mut newer = bytes.clone();
    newer[12..16].copy_from_slice(&99u32.to_le_bytes());
    assert!(fmt(Gazetteer::from_bytes(&newer)).contains("newer"));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(fmt(Gazetteer::from_bytes(&longer)).contains("unexpected"));

    let dir = std::env::temp_dir().join(format!("saidwho-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("g.swg");
    g.save(&p).unwrap();
    assert_eq!(Gazetteer::load(&p).unwrap().to_entries(), g.to_entries());
    assert!(matches!(
        Gazetteer::load(&dir.join("missing.swg")),
        Err(Error::Io { .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn table_layouts() {
    let csv = "id,name,label,aliases,priority,country\n\
               kyiv,Kyiv,GPE,Kiev|Kyjiw,2,UA\n\
               lviv,Lviv,GPE,,,\n\
               kyiv,,GPE,\"Kiew\",,\n";
    let es = read_table(csv.as_bytes(), "t.csv", &TableOptions::csv()).unwrap();
    assert_eq!(es.len(), 3);
    assert_eq!(es[0].priority, 2.0);
    assert_eq!(es[0].attrs["country"], "UA");
    assert!(es[1].attrs.is_empty() && es[1].aliases.is_empty());
    let g = Gazetteer::new(es, Options::default()).unwrap();
    assert_eq!(g.len(), 2);
    let al: Vec<_> = g.entry(0).aliases().map(|a| a.text).collect();
    assert_eq!(al, ["Kyiv", "Kiev", "Kyjiw", "Kiew"]);
    assert_eq!(texts(&g, "Kiew, Lviv"), ["Kiew", "Lviv"]);

    let mut semi = TableOptions::tsv();
    semi.alias_sep = ";".into();
    let tsv = "ID\tName\tLabel\tAliases\nny\tNew York\tGPE\tNYC; Big Apple\n";
    let es = read_table(tsv.as_bytes(), "t.tsv", &semi).unwrap();
    assert_eq!(es[0].aliases.len(), 2);

    let headerless = "1\tGPE\tParis\n1\tGPE\tParis\n2\tGPE\t\"Quoted\" town\n1\tGPE\tParigi\n";
    let es = read_table(headerless.as_bytes(), "g.tsv", &TableOptions::tsv()).unwrap();
    // Consecutive rows merge while reading, the others when the gazetteer is built.
    assert_eq!(es.len(), 3);
    assert_eq!(es[0].name, "Paris");
    let g = Gazetteer::new(es, Options::default()).unwrap();
    assert_eq!(g.entry(0).name, "Paris");
    assert_eq!(g.len(), 2);
    assert_eq!(g.entry(0).n_aliases(), 2);
    assert_eq!(g.entry(1).name, "\"Quoted\" town");
}

#[test]
fn table_errors_name_source_and_line() {
    let err = |src: &str, opts: &TableOptions| match read_table(src.as_bytes(), "f.tsv", opts) {
        Err(Error::GazetteerInput(m)) => m,
        other => panic!("expected an input error, got {other:?}"),
    };
    let tsv = TableOptions::tsv();
    assert!(err("1\tGPE\tParis\n2\tGPE\n", &tsv).contains("f.tsv, line 2"));
    assert!(err("1\tGPE\tParis\n2\tGPE\t  \n", &tsv).contains("line 2: empty alias"));
    assert!(err("id\tname\n\tX\n", &tsv).contains("line 2: empty id"));
    assert!(err("id\tname\tpriority\nx\tX\thigh\n", &tsv).contains("not a number"));
    assert!(err("id\taliases\nx\ta||b\n", &tsv).contains("empty alias"));
    assert!(err("id\tname\tname\nx\tX\tY\n", &tsv).contains("duplicate column"));
    assert!(err("id\tname\nx\tX\tY\n", &tsv).contains("expected 2 fields"));
    assert!(err("id\tname\nx\t\n", &tsv).contains("no name and no alias"));
    let csv = TableOptions::csv();
    assert!(err("id,name\nx,\"a,b\",c\n", &csv).contains("line 2: expected 2 fields"));
}

/// Re-seal a damaged payload with a valid CRC, as a malicious or buggy writer would.
fn reseal(mut data: Vec<u8>) -> Vec<u8> {
    let crc = crc32fast::hash(&data[28..]);
    data[24..28].copy_from_slice(&crc.to_le_bytes());
    data
}

#[test]
fn damaged_compiled_section_is_an_error_never_a_panic() {
    let mut reading = Entry::new("reading", "Reading", "GPE", &["Reading", "RDG"]);
    reading.aliases[0].context = true;
    let entries = vec![
        reading,
        Entry::new("us", "United States", "GPE", &["US", "U.S.", "America"]),
        Entry::new(
            "ny",
            "New York",
            "GPE",
            &["NYC", "New York City", "Big Apple"],
        ),
    ];
    let g = gaz(entries, CaseMode::Smart, AccentMode::Keep);
    let text = "In Reading, US and U.S. officials from NYC met the Big Apple.";
    let bytes = g.to_bytes();
    let back = Gazetteer::from_bytes(&bytes).unwrap();
    assert_eq!(back.find_str(text, true), g.find_str(text, true));
    let mut errors = 0;
    for pos in 28..bytes.len() {
        for flip in [0x01u8, 0x80, 0xFF] {
            let mut bad = bytes.clone();
            bad[pos] ^= flip;
            let bad = reseal(bad);
            let r = std::panic::catch_unwind(|| {
                Gazetteer::from_bytes(&bad).map(|g2| g2.find_str(text, true).len())
            });
            match r {
                Ok(Ok(_)) => {}
                Ok(Err(Error::GazetteerFormat(_))) => errors += 1,
                Ok(Err(e)) => panic!("unexpected error kind {e:?}"),
                Err(_) => panic!("panic on a damaged file (byte {pos} ^ {flip:#x})"),
            }
        }
    }
    assert!(errors > 0);
}

#[test]
fn marks_folded_away_are_transparent() {
    let folded = |aliases: &[&str]| {
        gaz(
            vec![Entry::new("x", aliases[0], "X", &aliases[1..])],
            CaseMode::Smart,
            AccentMode::Fold,
        )
    };
    // The alias "i \u{301}" folds to "i" (trailing space trimmed after folding).
    let g = folded(&["i \u{301}"]);
    assert_eq!(texts(&g, "i am"), ["i"]);
    // A mark between spaces does not split the run of white space.
    let g = folded(&["New York"]);
    assert_eq!(texts(&g, "New \u{301} York"), ["New \u{301} York"]);
}
