import Foundation

/// Ages as people say them on a notice board: "just now", "5 min ago", "3 days ago".
public enum RelativeTime {
    public static func ago(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<86_400: return "\(seconds / 3600) h ago"
        case ..<(2 * 86_400): return "yesterday"
        case ..<(60 * 86_400): return "\(seconds / 86_400) days ago"
        case ..<(730 * 86_400): return "\(seconds / (30 * 86_400)) months ago"
        default: return "\(seconds / (365 * 86_400)) years ago"
        }
    }

    /// A short form for narrow columns: "now", "5m", "3h", "2d", "4mo", "2y".
    public static func short(_ date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "now"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86_400: return "\(seconds / 3600)h"
        case ..<(60 * 86_400): return "\(seconds / 86_400)d"
        case ..<(730 * 86_400): return "\(seconds / (30 * 86_400))mo"
        default: return "\(seconds / (365 * 86_400))y"
        }
    }
}
