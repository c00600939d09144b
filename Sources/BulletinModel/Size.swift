import BulletinSupport

/// File sizes for messages, never rounded down to the limit they exceed (`16.1 MB`).
public enum Size {
    public static func text(_ bytes: Int) -> String {
        let (unit, scale) = bytes >= 1 << 20 ? ("MB", 1 << 20) : ("KB", 1 << 10)
        let tenths = (bytes * 10 + scale - 1) / scale
        return tenths % 10 == 0 ? "\(tenths / 10) \(unit)" : "\(tenths / 10).\(tenths % 10) \(unit)"
    }
}
