/// How the board's story detail names a hero's certifications (issue 16): "Service Standards II"
/// — each program once, at the highest level held, programs A–Z.
public enum HeroLevels {
    /// The login a story's hero would be, when the hero is named by one: the story's hero is free
    /// text, certifications are held by accounts, so only a hero whose name key is a plausible
    /// login (one word, no spaces) is looked up.
    public static func login(forHero hero: String) -> String? {
        let key = NameKey.key(hero)
        guard !key.isEmpty, !key.contains(" "), key.utf8.count <= 64 else { return nil }
        return key
    }

    public static func labels(_ held: [Certification]) -> [String] {
        var best: [String: Certification] = [:]
        for cert in held {
            let key = NameKey.key(cert.program)
            if let known = best[key], known.level >= cert.level { continue }
            best[key] = cert
        }
        return best.keys.sorted().map { key in
            let cert = best[key]!
            return "\(cert.program) \(roman(cert.level))"
        }
    }

    /// Levels are at most `CertLimits.maxLevels` (10); anything else stays a number.
    static func roman(_ level: Int) -> String {
        let numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        return numerals.indices.contains(level - 1) ? numerals[level - 1] : String(level)
    }
}
