//! The tables of the LaTeX math subset: symbol commands, function names and spaces.
//!
//! Each table is one text of entries apart by a space, an entry the command's name (ASCII
//! letters) and its symbol right after it, if it has one: a list of `(&str, &str)` would carry
//! 16 bytes of addresses and lengths per entry into the wasm, which gzip shrinks poorly.

/// The rest of the entry of `table` whose name is `name`: its symbol (empty in a list of names);
/// `None` when no entry has that name.
pub(super) fn find_command(table: &'static str, name: &str) -> Option<&'static str> {
    for entry in table.split(' ') {
        let letters = entry.bytes().take_while(u8::is_ascii_alphabetic).count();
        if entry[..letters] == *name {
            return Some(&entry[letters..]);
        }
    }
    None
}

/// Symbols written as `\name` that become `<mo>`.
pub(super) const OPERATOR_COMMANDS: &str = "\
    times× div÷ cdot⋅ pm± mp∓ le≤ leq≤ ge≥ geq≥ ne≠ neq≠ approx≈ lt< gt> equiv≡ sim∼ \
    cong≅ propto∝ to→ rightarrow→ leftarrow← Rightarrow⇒ Leftarrow⇐ Leftrightarrow⇔ \
    implies⟹ iff⟺ in∈ notin∉ subset⊂ subseteq⊆ cup∪ cap∩ setminus∖ perp⊥ parallel∥ \
    angle∠ triangle△ circ∘ degree° cdots⋯ ldots… dots… vdots⋮ sum∑ prod∏ int∫ ast∗ \
    star⋆ bullet• prime′ mid∣ colon: neg¬ land∧ lor∨ forall∀ exists∃ lbrace{ rbrace} \
    langle⟨ rangle⟩ vert| lvert| rvert| Vert‖ lfloor⌊ rfloor⌋ lceil⌈ rceil⌉";

/// Symbols written as `\name` that become `<mi>`.
pub(super) const IDENTIFIER_COMMANDS: &str = "\
    alphaα betaβ gammaγ deltaδ epsilonϵ varepsilonε zetaζ etaη thetaθ varthetaϑ \
    iotaι kappaκ lambdaλ muμ nuν xiξ piπ rhoρ sigmaσ tauτ upsilonυ phiϕ varphiφ chiχ \
    psiψ omegaω GammaΓ DeltaΔ ThetaΘ LambdaΛ XiΞ PiΠ SigmaΣ UpsilonΥ PhiΦ PsiΨ \
    OmegaΩ infty∞ partial∂ ellℓ emptyset∅ varnothing∅";

/// Function names that stay upright: `\sin x` becomes `<mi>sin</mi><mi>x</mi>`.
pub(super) const FUNCTION_NAMES: &str = "\
    sin cos tan cot sec csc arcsin arccos arctan sinh cosh tanh log ln lg exp lim \
    max min gcd det deg mod";

/// Commands whose argument is text: `\text{ cm}`.
pub(super) const TEXT_COMMANDS: &str = "\
    text mathrm textrm mbox operatorname";

/// Commands that change only the style, which the renderer leaves to the browser.
pub(super) const IGNORED_COMMANDS: &str = "\
    displaystyle textstyle limits nolimits middle";

pub(super) const THIN_SPACE: &str = "\u{2009}";
pub(super) const MEDIUM_SPACE: &str = "\u{205f}";
pub(super) const THICK_SPACE: &str = "\u{2005}";
pub(super) const NO_BREAK_SPACE: &str = "\u{a0}";
pub(super) const EM_SPACE: &str = "\u{2003}";
