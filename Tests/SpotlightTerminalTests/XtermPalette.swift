import Glibc

/// xterm's and the Linux console's default colours and WCAG 2 contrast, for checking themes as
/// a terminal draws them.
enum XtermPalette {
    /// The 16 ANSI colours as xterm ships them (its `*color0`…`*color15` defaults).
    static let ansi: [(Int, Int, Int)] = [
        (0x00, 0x00, 0x00), (0xCD, 0x00, 0x00), (0x00, 0xCD, 0x00), (0xCD, 0xCD, 0x00),
        (0x00, 0x00, 0xEE), (0xCD, 0x00, 0xCD), (0x00, 0xCD, 0xCD), (0xE5, 0xE5, 0xE5),
        (0x7F, 0x7F, 0x7F), (0xFF, 0x00, 0x00), (0x00, 0xFF, 0x00), (0xFF, 0xFF, 0x00),
        (0x5C, 0x5C, 0xFF), (0xFF, 0x00, 0xFF), (0x00, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
    ]

    /// The Linux console's default palette (the kernel's `default_red/grn/blu`, VGA colours):
    /// its "yellow" is brown, which is why black on yellow fails there.
    static let linuxConsole: [(Int, Int, Int)] = [
        (0x00, 0x00, 0x00), (0xAA, 0x00, 0x00), (0x00, 0xAA, 0x00), (0xAA, 0x55, 0x00),
        (0x00, 0x00, 0xAA), (0xAA, 0x00, 0xAA), (0x00, 0xAA, 0xAA), (0xAA, 0xAA, 0xAA),
        (0x55, 0x55, 0x55), (0xFF, 0x55, 0x55), (0x55, 0xFF, 0x55), (0xFF, 0xFF, 0x55),
        (0x55, 0x55, 0xFF), (0xFF, 0x55, 0xFF), (0x55, 0xFF, 0xFF), (0xFF, 0xFF, 0xFF),
    ]

    /// Palette entry `index` (0–255): the ANSI 16 (`base`: xterm's or the console's), the
    /// 6×6×6 cube, then 24 greys.
    static func rgb(_ index: Int, base: [(Int, Int, Int)] = ansi) -> (Int, Int, Int) {
        if index < 16 { return base[index] }
        if index < 232 {
            let levels = [0, 95, 135, 175, 215, 255]
            let n = index - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        }
        let grey = 8 + 10 * (index - 232)
        return (grey, grey, grey)
    }

    /// WCAG 2 relative luminance of an sRGB colour.
    static func luminance(_ rgb: (Int, Int, Int)) -> Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055).pow(2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }

    /// WCAG 2 contrast ratio, 1…21.
    static func contrast(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }
}

private extension Double {
    func pow(_ exponent: Double) -> Double { Glibc.pow(self, exponent) }
}
