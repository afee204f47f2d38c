extension Theme {
    /// Names are file names, so they must not be able to climb out of a search directory
    /// (`../../etc/x`); this is the same rule the board's `theme` setting enforces.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
        }
    }
}
