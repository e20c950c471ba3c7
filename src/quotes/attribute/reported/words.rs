//! Word lists the attribution rules share: the two lists of verbs that take a person as object (side by side,
//! for they look alike but answer different questions), irregular verb forms, object pronouns.

/// Verbs whose object comes before the content: `told reporters (that) …`, `assured them …`, `warned voters …`.
///
/// Read where reported content follows the cue: the noun phrase after one of these verbs is skipped as the object
/// before the content starts. Its near twin [`addressee`] answers another question, who the noun phrase after the
/// verb is, and is narrower: `warn`, `advise`, `promised`, `convinced`, `notified` put an object before their
/// content too, but after a comma they may be inverted (`…, warned the mayor.`: the mayor warned), so they are no
/// sign of an addressee; `thanked` has an addressee but reports no content, so it is not here.
pub(in crate::quotes::attribute) fn takes_object(w: &str) -> bool {
    matches!(
        w,
        "tell"
            | "tells"
            | "told"
            | "telling"
            | "assure"
            | "assures"
            | "assured"
            | "assuring"
            | "reassure"
            | "reassures"
            | "reassured"
            | "inform"
            | "informs"
            | "informed"
            | "informing"
            | "warn"
            | "warns"
            | "warned"
            | "warning"
            | "remind"
            | "reminds"
            | "reminded"
            | "advise"
            | "advised"
            | "promised"
            | "convinced"
            | "notified"
    )
}

/// Verbs of telling whose object is the person addressed: `told reporters`, `informed the board`,
/// `thanked the crowd`. The noun phrase after one of these is never the speaker, so `…, told the Gazette.` is no
/// inverted attribution (`…, said the Gazette.` is): [`super::super::Window::addressee_verb`] reads it for
/// quotes in marks and reported speech alike. Narrower than [`takes_object`] (whose object merely comes before
/// the content): only verbs whose following noun phrase is always a listener.
pub(in crate::quotes::attribute) fn addressee(w: &str) -> bool {
    matches!(
        w,
        "told" | "tells" | "tell" | "telling" | "informed" | "assured" | "reminded" | "thanked"
    )
}

/// Verbs of sending a message whose object is its recipient ("texted volunteers saying …", "told reporters"):
/// the noun phrase after them is addressed, never the speaker of a participle that follows it. (Not in
/// [`addressee`]: "“…,” emailed a spokesman" is an inverted attribution.)
pub(in crate::quotes::attribute) fn recipient_verb(w: &str) -> bool {
    addressee(w) || matches!(w, "emailed" | "texted" | "messaged" | "phoned" | "briefed")
}

/// Common irregular past tenses and present verbs (a finite verb: "Ukrainian shelling hit a hospital").
pub(in crate::quotes::attribute) fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "hit"
            | "cut"
            | "put"
            | "set"
            | "let"
            | "made"
            | "took"
            | "gave"
            | "got"
            | "went"
            | "came"
            | "saw"
            | "knew"
            | "thought"
            | "found"
            | "left"
            | "felt"
            | "kept"
            | "held"
            | "brought"
            | "began"
            | "ran"
            | "lost"
            | "paid"
            | "met"
            | "sent"
            | "built"
            | "spent"
            | "won"
            | "led"
            | "fell"
            | "rose"
            | "shot"
            | "struck"
            | "sold"
            | "fought"
            | "broke"
            | "chose"
            | "drove"
            | "wrote"
            | "spoke"
            | "stood"
            | "meant"
            | "became"
            | "grew"
            | "drew"
            | "threw"
            | "flew"
            | "sought"
            | "caught"
            | "taught"
            | "bought"
            | "hid"
            | "spread"
            | "quit"
            | "hurt"
            | "cost"
            | "sank"
            | "shut"
            | "stole"
            | "swore"
            | "needs"
            | "wants"
            | "plans"
            | "remains"
            | "faces"
            | "seems"
            | "appears"
            | "means"
            | "intends"
    )
}

/// An object pronoun ("told them", "assured her").
pub(in crate::quotes::attribute) fn object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "us" | "me" | "you" | "it")
}
