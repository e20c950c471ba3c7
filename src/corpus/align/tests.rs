//! Behaviour of [`cluster_quotes`] on the seed articles and on small cases written for each rule.
use super::*;

/// The gold quotes of the two seed articles (FT = doc 0, Reuters = doc 1), speaker = gold speaker entity.
fn seed_quotes() -> Vec<(u32, usize, usize, String, Option<String>)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let mut out = Vec::new();
    for (doc, name) in ["000_aaaaf1307d3c8a06", "001_08ba5d6a346fbfc5"]
        .into_iter()
        .enumerate()
    {
        let text = std::fs::read_to_string(format!("{dir}/{name}.txt")).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(format!("{dir}/{name}.gold.json")).unwrap(),
        )
        .unwrap();
        for q in gold["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            let quote: String = chars[s..e].iter().collect();
            assert_eq!(quote, q["text"].as_str().unwrap());
            let speaker = q["speaker_entity"].as_str().map(str::to_string);
            out.push((doc as u32, s, e, quote, speaker));
        }
    }
    out
}

fn refs(quotes: &[(u32, usize, usize, String, Option<String>)]) -> Vec<QuoteRef<'_>> {
    quotes
        .iter()
        .map(|(doc, s, e, text, sp)| QuoteRef {
            doc: *doc,
            start: *s as u32,
            end: *e as u32,
            text,
            speaker: sp.as_deref(),
            indirect: false,
        })
        .collect()
}

fn find(quotes: &[(u32, usize, usize, String, Option<String>)], doc: u32, prefix: &str) -> usize {
    let hits: Vec<usize> = (0..quotes.len())
        .filter(|&i| quotes[i].0 == doc && quotes[i].3.starts_with(prefix))
        .collect();
    assert_eq!(hits.len(), 1, "{prefix}");
    hits[0]
}

#[test]
fn seed_articles_cluster_the_shared_utterances() {
    let quotes = seed_quotes();
    let m = cluster_quotes(&refs(&quotes), &AlignOptions::default()).unwrap();
    let cl = |doc, prefix| m[find(&quotes, doc, prefix)].cluster;

    // Zelenskiy: the FT's quote ends where Reuters' begins.
    assert_eq!(cl(0, "Bakhmut fortress"), cl(1, "Ukraine is proud of you"));
    assert_ne!(cl(0, "Bakhmut fortress"), cl(0, "The east is holding out"));

    // Putin: both long versions and every partial quote of them, in both outlets.
    let putin = cl(0, "I would especially like");
    for (doc, prefix) in [
        (0, "extremely difficult"),
        (1, "extremely difficult"),
        (1, "difficult"),
        (1, "The situation in the"),
    ] {
        assert_eq!(cl(doc, prefix), putin, "{prefix}");
    }
    assert_eq!(cl(1, "emergence of new threats"), cl(0, "rapidly changing"));
    assert_ne!(cl(0, "rapidly changing"), putin);
    assert_ne!(cl(0, "to significantly improve"), putin);

    // Guterres: two different statements stay apart.
    assert_ne!(cl(0, "I am not optimistic"), cl(0, "I do believe"));

    // No cluster mixes speakers.
    let mut speaker_of: HashMap<u32, &str> = HashMap::new();
    for (q, mm) in quotes.iter().zip(&m) {
        if let Some(s) = q.4.as_deref() {
            assert_eq!(*speaker_of.entry(mm.cluster).or_insert(s), s, "{}", q.3);
        }
    }

    // Relations to the longest version.
    let rep = find(&quotes, 0, "I would especially like");
    assert_eq!(m[rep].relation, Relation::Representative);
    let frag = &m[find(&quotes, 1, "extremely difficult")];
    assert_eq!((frag.relation, frag.score), (Relation::Fragment, 1.0));
    let reuters = &m[find(&quotes, 1, "The situation in the")];
    assert_eq!(reuters.relation, Relation::Fragment);
    assert!(
        reuters.score > 0.75 && reuters.score < 1.0,
        "{}",
        reuters.score
    );
    let z = &m[find(&quotes, 1, "Ukraine is proud of you")];
    assert_eq!(z.relation, Relation::Overlapping);
}

#[test]
fn seed_clusters_do_not_depend_on_order_or_threads() {
    let quotes = seed_quotes();
    let base = cluster_quotes(&refs(&quotes), &AlignOptions::default()).unwrap();
    let mut reversed = quotes.clone();
    reversed.reverse();
    let rev = cluster_quotes(&refs(&reversed), &AlignOptions::default()).unwrap();
    let n = quotes.len();
    for i in 0..n {
        for j in 0..n {
            assert_eq!(
                base[i].cluster == base[j].cluster,
                rev[n - 1 - i].cluster == rev[n - 1 - j].cluster
            );
        }
    }
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let single = one.install(|| cluster_quotes(&refs(&quotes), &AlignOptions::default()).unwrap());
    assert_eq!(base, single);
    // Cluster ids follow first appearance.
    let mut seen = 0;
    for mm in &base {
        assert!(mm.cluster <= seen);
        if mm.cluster == seen {
            seen += 1;
        }
    }
}

/// Cluster quotes that all come from one document.
fn run(quotes: &[(&str, Option<&str>)]) -> Vec<Membership> {
    let in_docs: Vec<(&str, Option<&str>, u32)> = quotes.iter().map(|&(t, s)| (t, s, 0)).collect();
    run_docs(&in_docs)
}

/// Cluster quotes given with their document numbers.
fn run_docs(quotes: &[(&str, Option<&str>, u32)]) -> Vec<Membership> {
    let refs: Vec<QuoteRef<'_>> = quotes
        .iter()
        .map(|&(text, speaker, doc)| QuoteRef {
            doc,
            start: 0,
            end: text.chars().count() as u32,
            text,
            speaker,
            indirect: false,
        })
        .collect();
    cluster_quotes(&refs, &AlignOptions::default()).unwrap()
}

fn clusters(m: &[Membership]) -> Vec<u32> {
    m.iter().map(|x| x.cluster).collect()
}

const LONG: &str =
    "We will never give up what is ours, and we will win this war together with our partners";

#[test]
fn speakers_never_merge_unless_the_long_text_is_identical() {
    let variant =
        "We will never give up what is ours and we shall win the war together with our partners";
    assert_eq!(
        clusters(&run(&[(LONG, Some("a")), (variant, Some("a"))])),
        [0, 0]
    );
    assert_eq!(
        clusters(&run(&[(LONG, Some("a")), (variant, Some("b"))])),
        [0, 1]
    );
    assert_eq!(
        clusters(&run(&[
            (LONG, Some("a")),
            ("“we will never give up what is ours…", Some("b"))
        ])),
        [0, 1]
    );
    // Identical long text merges across speakers (case and punctuation aside)...
    assert_eq!(
        clusters(&run(&[
            (LONG, Some("a")),
            (&LONG.to_uppercase(), Some("b"))
        ])),
        [0, 0]
    );
    // ...short identical text does not; nor does it make a cluster of its own for one speaker (a phrase,
    // not necessarily one utterance), only through a longer version containing it.
    let stupid = [
        ("stupid", Some("a")),
        ("stupid", Some("b")),
        ("Stupid!", Some("a")),
    ];
    assert_eq!(clusters(&run(&stupid)), [0, 1, 2]);
    let with_long = [
        stupid[0],
        stupid[1],
        stupid[2],
        ("It is a stupid and dangerous idea", Some("a")),
    ];
    assert_eq!(clusters(&run(&with_long)), [0, 1, 0, 0]);
}

#[test]
fn short_fragments_join_only_a_single_candidate() {
    let other = "Our economy is strong and this difficult war is only hard for those who doubt";
    // "war" is in two distinct utterances of the speaker: it joins neither. "win this war" is in one.
    let m = run(&[
        (LONG, Some("a")),
        (other, Some("a")),
        ("war", Some("a")),
        ("win this war", Some("a")),
    ]);
    assert_eq!(clusters(&m), [0, 1, 2, 0]);
    assert_eq!(m[3].relation, Relation::Fragment);
    // A fragment of a fragment follows it.
    let m = run(&[
        ("win this war", Some("a")),
        ("war", Some("a")),
        (LONG, Some("a")),
    ]);
    assert_eq!(clusters(&m), [0, 0, 0]);
    assert_eq!(m[2].relation, Relation::Representative);
}

#[test]
fn one_and_two_word_fragments_need_the_longer_version_in_their_document() {
    let long = (
        "I believe the harbour board should be embarrassed by itself. I believe it's a scandal",
        Some("t"),
        1,
    );
    let m = run_docs(&[
        long,
        ("a scandal", Some("t"), 2),
        ("a scandal", Some("t"), 3),
    ]);
    assert_eq!(clusters(&m), [0, 1, 2]);
    // Printed in the same document, the fragment joins (with its copies elsewhere).
    let m = run_docs(&[
        long,
        ("a scandal", Some("t"), 1),
        ("a scandal", Some("t"), 3),
    ]);
    assert_eq!(clusters(&m), [0, 0, 0]);
    // Three words are enough to join from another document.
    let m = run_docs(&[long, ("embarrassed by itself", Some("t"), 2)]);
    assert_eq!(clusters(&m), [0, 0]);
}

#[test]
fn long_fragments_and_overlaps_bridge() {
    let a = "what is ours, and we will win this war";
    let b = "we will never give up what is ours";
    let m = run(&[(a, Some("s")), (b, Some("s")), (LONG, Some("s"))]);
    assert_eq!(clusters(&m), [0, 0, 0]);
    assert_eq!(
        [m[0].relation, m[1].relation],
        [Relation::Fragment, Relation::Fragment]
    );
    // Two excerpts sharing the words where one ends and the other starts.
    let m = run(&[
        (
            "our people, unconquered by the enemy. Ukraine is proud of you",
            Some("z"),
        ),
        (
            "Ukraine is proud of you. I am proud of you! Thank you for the courage",
            Some("z"),
        ),
    ]);
    assert_eq!(clusters(&m), [0, 0]);
    assert_eq!(
        (m[0].relation, m[1].relation),
        (Relation::Overlapping, Relation::Representative)
    );
}

#[test]
fn ellipses_and_changed_words_are_tolerated() {
    let elided = "We will never give up … we will win this war together with our partners";
    let m = run(&[(LONG, Some("s")), (elided, Some("s"))]);
    assert_eq!(clusters(&m), [0, 0]);
    assert_eq!((m[1].relation, m[1].score), (Relation::Fragment, 1.0));
    let translated = "We will never surrender what belongs to us, and we will win this war together with partners";
    let m = run(&[(LONG, Some("s")), (translated, Some("s"))]);
    assert_eq!(clusters(&m), [0, 0]);
    assert_eq!(m[1].relation, Relation::CloseVariant);
    // The same words, reordered into another statement, do not align.
    let m = run(&[
        (LONG, Some("s")),
        (
            "Our partners will win this? Never. We give up what is war",
            Some("s"),
        ),
    ]);
    assert_eq!(clusters(&m), [0, 1]);
}

#[test]
fn shared_phrases_with_a_changed_word_are_not_one_utterance() {
    // Tolerant relations need eight aligned words: below that the changed word is the point.
    for (a, b) in [
        (
            "I believe it's a trap",
            "I believe the levy is a fair idea. I believe it's a fair idea.",
        ),
        (
            "in the history of farming",
            "The fair drew 40,000 visitors, the largest crowd in the history of the fair",
        ),
        (
            "This is an absolute epidemic",
            "This is an absolute necessity",
        ),
        (
            "would promise or pledge anything to keep the seat",
            "you have been ready to promise or pledge anything to gain seats",
        ),
    ] {
        assert_eq!(
            clusters(&run(&[(a, Some("t")), (b, Some("t"))])),
            [0, 1],
            "{a} / {b}"
        );
        // It is that rule which keeps them apart.
        let loose = AlignOptions {
            fuzzy_min_words: 1,
            ..AlignOptions::default()
        };
        let quotes = [a, b].map(|text| QuoteRef {
            doc: 0,
            start: 0,
            end: 0,
            text,
            speaker: Some("t"),
            indirect: false,
        });
        assert_eq!(
            clusters(&cluster_quotes(&quotes, &loose).unwrap()),
            [0, 0],
            "{a} / {b}"
        );
    }
    // The same texts contained word for word still join.
    let m = run(&[
        ("the largest crowd in the history", Some("t")),
        (
            "The fair drew 40,000 visitors, the largest crowd in the history of the fair",
            Some("t"),
        ),
    ]);
    assert_eq!(clusters(&m), [0, 0]);
}

#[test]
fn unknown_speakers_join_a_single_cluster_only() {
    let other =
        "We will never give up what is ours, said the minister of finance to the press today";
    // Joins the one cluster it overlaps.
    let m = run(&[
        (LONG, Some("a")),
        ("and we will win this war together", None),
    ]);
    assert_eq!(clusters(&m), [0, 0]);
    // Links to clusters of two speakers: stays alone.
    let m = run(&[
        (LONG, Some("a")),
        (other, Some("b")),
        ("We will never give up what is ours", None),
    ]);
    assert_eq!(clusters(&m), [0, 1, 2]);
    // A link lining up less than 80% of the unknown quote does not count: it joins the other cluster.
    let ending = "Everyone at the meeting agreed on the plan, and we will win this war";
    let m = run(&[
        (LONG, Some("a")),
        (ending, Some("b")),
        ("and we will win this war together with our partners", None),
    ]);
    assert_eq!(clusters(&m), [0, 1, 0]);
    let m = run(&[
        (ending, Some("b")),
        ("and we will win this war together with our partners", None),
    ]);
    assert_eq!(clusters(&m), [0, 1]);
    // Too short to join anything, even identical text.
    let m = run(&[("the war", Some("a")), ("the war", None), ("the war", None)]);
    assert_eq!(clusters(&m), [0, 1, 2]);
    // Unknown versions of one utterance stay together.
    let m = run(&[
        (LONG, None),
        (&LONG.replace("partners", "allies"), None),
        ("irrelevant words here now", None),
    ]);
    assert_eq!(clusters(&m), [0, 0, 1]);
    // Overlapping excerpts need a speaker to vouch for them.
    let m = run(&[
        (
            "our people, unconquered by the enemy. Ukraine is proud of you",
            None,
        ),
        (
            "Ukraine is proud of you. I am proud of you! Thank you for the courage",
            None,
        ),
    ]);
    assert_eq!(clusters(&m), [0, 1]);
    // Nor does one lining up less than half of it.
    let m = run(&[
        ("The talks failed, and we will win this war", Some("a")),
        (
            "we will win this war, said the general at the press conference in the capital",
            None,
        ),
    ]);
    assert_eq!(clusters(&m), [0, 1]);
    // Copies of an unknown-speaker text that joins a cluster all join.
    let m = run(&[
        ("win this war together with our", None),
        (LONG, Some("a")),
        ("Win this war, together with our…", None),
    ]);
    assert_eq!(clusters(&m), [0, 0, 0]);
}

#[test]
fn empty_and_wordless_quotes_stay_alone() {
    let m = run(&[
        ("", Some("a")),
        ("…", Some("a")),
        ("", Some("a")),
        ("— —", None),
    ]);
    assert_eq!(clusters(&m), [0, 1, 2, 3]);
    assert!(m.iter().all(|x| x.relation == Relation::Representative));
    assert!(cluster_quotes(&[], &AlignOptions::default())
        .unwrap()
        .is_empty());
}

#[test]
fn invalid_options_are_errors() {
    for opts in [
        AlignOptions {
            shingle_words: 1,
            ..AlignOptions::default()
        },
        AlignOptions {
            contain_min: 0.0,
            ..AlignOptions::default()
        },
        AlignOptions {
            variant_min: f32::NAN,
            ..AlignOptions::default()
        },
        AlignOptions {
            max_candidates: 0,
            ..AlignOptions::default()
        },
    ] {
        assert!(matches!(
            cluster_quotes(&[], &opts),
            Err(Error::InvalidArgument(_))
        ));
    }
}

#[test]
fn popular_phrases_do_not_chain_or_blow_up() {
    // 2,000 different statements of one speaker sharing a stock phrase; plus versions of one of them.
    let texts: Vec<String> = (0..2000u64)
        .map(|i| {
            let tail: Vec<String> = (0..8)
                .map(|j| format!("w{}", (i * 8 + j) * 2_654_435_761 % 1_000_003))
                .collect();
            format!(
                "as I have said many times before, {} matter",
                tail.join(" ")
            )
        })
        .collect();
    let mut quotes: Vec<(&str, Option<&str>)> =
        texts.iter().map(|t| (t.as_str(), Some("s"))).collect();
    let variant = texts[17]
        .replace("as I have said many times before", "as I have said before")
        .replace(" matter", "");
    quotes.push((&variant, Some("s")));
    let m = run(&quotes);
    assert_eq!(m[2000].cluster, m[17].cluster);
    let mut sizes: HashMap<u32, usize> = HashMap::new();
    for x in &m {
        *sizes.entry(x.cluster).or_default() += 1;
    }
    assert_eq!(sizes.values().max(), Some(&2));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const WORDS: [&str; 12] = [
        "we",
        "will",
        "win",
        "war",
        "the",
        "is",
        "difficult",
        "…",
        "Putin",
        "region",
        "extremely",
        "ours",
    ];

    fn quotes() -> impl Strategy<Value = Vec<(String, Option<String>)>> {
        let text = prop::collection::vec(prop::sample::select(&WORDS[..]), 0..12)
            .prop_map(|w| w.join(" "));
        let speaker =
            prop::option::of(prop::sample::select(&["a", "b"][..]).prop_map(str::to_string));
        prop::collection::vec((text, speaker), 0..40)
    }

    fn refs_of(qs: &[(String, Option<String>)]) -> Vec<QuoteRef<'_>> {
        qs.iter()
            .map(|(t, s)| QuoteRef {
                doc: 0,
                start: 0,
                end: 0,
                text: t,
                speaker: s.as_deref(),
                indirect: false,
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn grouping_is_order_independent_and_speakers_stay_apart(qs in quotes(), seed in any::<u64>()) {
            let m = cluster_quotes(&refs_of(&qs), &AlignOptions::default()).unwrap();
            prop_assert_eq!(m.len(), qs.len());
            // A permutation of the input gives the same grouping.
            let mut order: Vec<usize> = (0..qs.len()).collect();
            let mut x = seed | 1;
            for i in (1..order.len()).rev() {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17;
                order.swap(i, (x % (i as u64 + 1)) as usize);
            }
            let shuffled: Vec<_> = order.iter().map(|&i| qs[i].clone()).collect();
            let p = cluster_quotes(&refs_of(&shuffled), &AlignOptions::default()).unwrap();
            for a in 0..qs.len() {
                for b in 0..qs.len() {
                    prop_assert_eq!(m[order[a]].cluster == m[order[b]].cluster, p[a].cluster == p[b].cluster);
                }
            }
            // A cluster holds two known speakers only if two of them said identical text of 6+ words.
            let words: Vec<Vec<String>> = qs.iter().map(|q| normalized_words(&q.0).0).collect();
            for a in 0..qs.len() {
                for b in 0..qs.len() {
                    if let (Some(sa), Some(sb)) = (&qs[a].1, &qs[b].1) {
                        if sa != sb && m[a].cluster == m[b].cluster {
                            let bridged = (0..qs.len()).any(|c| (0..qs.len()).any(|d| {
                                m[c].cluster == m[a].cluster && m[d].cluster == m[a].cluster
                                    && matches!((&qs[c].1, &qs[d].1), (Some(x), Some(y)) if x != y)
                                    && words[c] == words[d] && words[c].len() >= 6
                            }));
                            prop_assert!(bridged);
                        }
                    }
                }
            }
            // One representative per cluster; scores in [0, 1].
            let mut reps: HashMap<u32, usize> = HashMap::new();
            for mm in &m {
                prop_assert!((0.0..=1.0).contains(&mm.score));
                if mm.relation == Relation::Representative { *reps.entry(mm.cluster).or_default() += 1; }
            }
            prop_assert!(reps.values().all(|&c| c == 1));
            prop_assert_eq!(reps.len(), m.iter().map(|x| x.cluster).max().map_or(0, |c| c as usize + 1));
        }
    }
}

/// Cluster quotes given as (text, speaker, doc, indirect).
fn run_kinds(quotes: &[(&str, Option<&str>, u32, bool)]) -> Vec<Membership> {
    let refs: Vec<QuoteRef<'_>> = quotes
        .iter()
        .map(|&(text, speaker, doc, indirect)| QuoteRef {
            doc,
            start: 0,
            end: text.chars().count() as u32,
            text,
            speaker,
            indirect,
        })
        .collect();
    cluster_quotes(&refs, &AlignOptions::default()).unwrap()
}

const FT_QUOTE: &str = "to significantly improve your work in key areas, and use your operational, technical and personnel potential to the fullest.";
const REUTERS_INDIRECT: &str = "they needed to significantly improve their work";

#[test]
fn an_indirect_quote_paraphrasing_a_quote_in_marks_joins_its_cluster() {
    let p = Some("putin");
    for indirect_first in [false, true] {
        let mut qs = vec![
            (FT_QUOTE, p, 0, false),
            (
                "to significantly improve your work in key areas",
                p,
                2,
                false,
            ),
            (REUTERS_INDIRECT, p, 1, true),
        ];
        if indirect_first {
            qs.reverse();
        }
        let m = run_kinds(&qs);
        let at = |t: &str, doc: u32| qs.iter().position(|q| q.0 == t && q.2 == doc).unwrap();
        let (ft, short, reuters) = (
            m[at(FT_QUOTE, 0)],
            m[at("to significantly improve your work in key areas", 2)],
            m[at(REUTERS_INDIRECT, 1)],
        );
        assert_eq!(ft.cluster, reuters.cluster);
        assert_eq!(ft.cluster, short.cluster);
        assert_eq!(ft.relation, Relation::Representative);
        assert_eq!(short.relation, Relation::Fragment);
        assert_eq!(reuters.relation, Relation::Paraphrase);
        // need, significant, improve, work: three of four line up with the representative
        assert!((reuters.score - 0.75).abs() < 1e-6, "{}", reuters.score);
        assert_consistent(&m);
    }
}

#[test]
fn a_longer_indirect_quote_is_never_the_representative() {
    let p = Some("putin");
    let long_report = "they needed to significantly improve their work in key areas and use their operational, \
        technical and personnel potential to the fullest, as the situation demanded of the entire system";
    let m = run_kinds(&[
        (
            "to significantly improve your work in key areas",
            p,
            0,
            false,
        ),
        (long_report, p, 1, true),
    ]);
    assert_eq!(m[0].cluster, m[1].cluster);
    assert_eq!(m[0].relation, Relation::Representative);
    assert_eq!(m[1].relation, Relation::Paraphrase);
}

#[test]
fn paraphrases_need_the_same_speaker_another_document_and_enough_content_words() {
    let p = Some("putin");
    // Another speaker.
    let m = run_kinds(&[
        (FT_QUOTE, p, 0, false),
        (REUTERS_INDIRECT, Some("shoigu"), 1, true),
    ]);
    assert_ne!(m[0].cluster, m[1].cluster);
    assert_eq!(m[1].relation, Relation::Representative);
    // Unknown speaker.
    let m = run_kinds(&[(FT_QUOTE, p, 0, false), (REUTERS_INDIRECT, None, 1, true)]);
    assert_ne!(m[0].cluster, m[1].cluster);
    // The same document: not evidence of another outlet's version.
    let m = run_kinds(&[(FT_QUOTE, p, 0, false), (REUTERS_INDIRECT, p, 0, true)]);
    assert_ne!(m[0].cluster, m[1].cluster);
    // Only two content words shared ("improve", "work"), however many function words.
    let m = run_kinds(&[
        (FT_QUOTE, p, 0, false),
        ("they had to improve all of their work", p, 1, true),
    ]);
    assert_ne!(m[0].cluster, m[1].cluster);
    // Three shared, but under half of the shorter side.
    let m = run_kinds(&[
        ("we must improve our work and our technical skills", p, 0, false),
        (
            "he wanted officers to improve border controls, reform technical training, punish traitors \
             and review the work of regional offices before spring",
            p,
            1,
            true,
        ),
    ]);
    assert_ne!(m[0].cluster, m[1].cluster);
    // Shared words out of order do not line up.
    let m = run_kinds(&[
        ("work hard, improve everything, significantly", p, 0, false),
        ("they should significantly improve their work", p, 1, true),
    ]);
    assert_ne!(m[0].cluster, m[1].cluster);
}

#[test]
fn indirect_quotes_do_not_link_with_each_other() {
    let p = Some("putin");
    let m = run_kinds(&[
        (REUTERS_INDIRECT, p, 0, true),
        (REUTERS_INDIRECT, p, 1, true),
    ]);
    assert_ne!(m[0].cluster, m[1].cluster);
    assert!(m.iter().all(|x| x.relation == Relation::Representative));
}

#[test]
fn quotes_in_marks_cluster_as_before_when_indirect_quotes_are_added() {
    let quotes = seed_quotes();
    let before = cluster_quotes(&refs(&quotes), &AlignOptions::default()).unwrap();
    let mut with = refs(&quotes);
    let n = with.len();
    with.push(QuoteRef {
        doc: 99,
        start: 0,
        end: 0,
        text: REUTERS_INDIRECT,
        speaker: Some("vladimir_putin"),
        indirect: true,
    });
    with.push(QuoteRef {
        doc: 98,
        start: 0,
        end: 0,
        text: "the weather was pleasant in the capital",
        speaker: Some("vladimir_putin"),
        indirect: true,
    });
    let after = cluster_quotes(&with, &AlignOptions::default()).unwrap();
    for i in 0..n {
        assert_eq!(before[i].relation, after[i].relation);
        assert_eq!(before[i].score, after[i].score);
        for j in 0..n {
            assert_eq!(
                before[i].cluster == before[j].cluster,
                after[i].cluster == after[j].cluster
            );
        }
    }
    // A quote in marks beside a quote in marks still aligns word for word: no paraphrase relation.
    assert!(after[..n]
        .iter()
        .all(|m| m.relation != Relation::Paraphrase));
    assert_eq!(after[n + 1].relation, Relation::Representative);
    assert_consistent(&after);
}

#[test]
fn a_tie_between_clusters_leaves_the_indirect_quote_apart() {
    let p = Some("putin");
    let m = run_kinds(&[
        ("we will improve security work at the borders", p, 0, false),
        (
            "our task is to improve security work in prisons",
            p,
            1,
            false,
        ),
        ("officers should improve security work", p, 2, true),
    ]);
    assert_ne!(m[0].cluster, m[1].cluster);
    assert_ne!(m[2].cluster, m[0].cluster);
    assert_ne!(m[2].cluster, m[1].cluster);
    // With a better match in one cluster, it joins that one.
    let m = run_kinds(&[
        ("we will improve security work at the borders", p, 0, false),
        (
            "our task is to improve security work in prisons",
            p,
            1,
            false,
        ),
        (
            "officers should improve security work at borders",
            p,
            2,
            true,
        ),
    ]);
    assert_eq!(m[2].cluster, m[0].cluster);
    assert_eq!(m[2].relation, Relation::Paraphrase);
}

/// Cluster ids follow first appearance; each cluster has exactly one representative.
fn assert_consistent(m: &[Membership]) {
    let mut seen = 0;
    let mut reps = Vec::new();
    for x in m {
        assert!(x.cluster <= seen);
        if x.cluster == seen {
            seen += 1;
            reps.push(0);
        }
        if x.relation == Relation::Representative {
            reps[x.cluster as usize] += 1;
        }
    }
    assert!(reps.iter().all(|&r| r == 1), "{reps:?}");
}
