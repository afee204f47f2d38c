import SpotlightUI
import CNcursesw

/// Turns what `wget_wch` returned into a `Key`. Separate from the session so the mapping can be
/// tested without a terminal.
enum KeyDecoder {
    /// What one `wget_wch` result means.
    enum Decoded: Equatable {
        case key(Key)
        case resize
        case mouse
        /// The terminal's bracketed-paste markers (ESC [200~ and ESC [201~).
        case pasteStart, pasteEnd
    }

    /// Key codes we ask ncurses to give the bracketed-paste markers (`define_key`). Above every
    /// code ncurses assigns itself (KEY_MAX and its extended keys count up from 0777) and inside
    /// the 16 bits its key tables hold.
    static let pasteStartCode: Int32 = 0x7E00
    static let pasteEndCode: Int32 = 0x7E01

    private static let functionKeys: [Int32: Key] = [
        spotlight_key_up(): .up, spotlight_key_down(): .down,
        spotlight_key_left(): .left, spotlight_key_right(): .right,
        spotlight_key_home(): .home, spotlight_key_end(): .end,
        spotlight_key_ppage(): .pageUp, spotlight_key_npage(): .pageDown,
        spotlight_key_backspace(): .backspace, spotlight_key_dc(): .delete,
        spotlight_key_enter(): .enter, spotlight_key_btab(): .backTab,
    ]

    /// A function-key code (`wget_wch` returned KEY_CODE_YES).
    static func decode(keyCode code: Int32) -> Decoded {
        if code == spotlight_key_resize() { return .resize }
        if code == spotlight_key_mouse() { return .mouse }
        if code == pasteStartCode { return .pasteStart }
        if code == pasteEndCode { return .pasteEnd }
        if let key = functionKeys[code] { return .key(key) }
        if let key = wordJump(code) { return .key(key) }
        let f0 = spotlight_key_f0()
        if code > f0, code <= f0 + 63 { return .key(.function(Int(code - f0))) }
        return .key(.other(code))
    }

    /// Ctrl-←/→ (terminfo kLFT5/kRIT5), and Alt-←/→ (kLFT3/kRIT3, the macOS habit), jump by
    /// word. ncurses has no fixed codes for them: ask which code this terminal's keys got.
    private static let wordJumpKeys: [(capability: String, key: Key)] = [
        ("kLFT5", .wordLeft), ("kRIT5", .wordRight), ("kLFT3", .wordLeft), ("kRIT3", .wordRight),
    ]

    private static func wordJump(_ code: Int32) -> Key? {
        wordJumpKeys.first { spotlight_key_code_for($0.capability) == code }?.key
    }

    /// A character (`wget_wch` returned OK). In nonl mode Enter arrives as CR; terminals send
    /// either DEL or Ctrl-H for Backspace.
    static func decode(character value: UInt32) -> Key {
        switch value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(UInt8(0x60 + value))))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(UInt8(0x40 + value))))
        case 0x80...0x9F: return .other(Int32(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .other(Int32(bitPattern: value)) }
            return .char(Character(scalar))
        }
    }
}
