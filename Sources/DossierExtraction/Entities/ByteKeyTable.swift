/// An open-addressing hash table from `ByteKey` keys to values: one multiply and a short probe per look-up,
/// cheaper than `Dictionary`'s seeded hashing on the per-token path.
struct ByteKeyTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    subscript(key: UInt64) -> Value? {
        get {
            let mask = keys.count - 1
            var index = slot(key)
            while true {
                let stored = keys[index]
                if stored == key { return values[index] }
                if stored == 0 && values[index] == nil { return nil }
                index = (index + 1) & mask
            }
        }
        set {
            if count * 2 >= keys.count { grow() }
            let mask = keys.count - 1
            var index = slot(key)
            while true {
                if keys[index] == key && values[index] != nil { values[index] = newValue; return }
                if keys[index] == 0 && values[index] == nil {
                    guard newValue != nil else { return }
                    keys[index] = key
                    values[index] = newValue
                    count += 1
                    return
                }
                index = (index + 1) & mask
            }
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        self = ByteKeyTable(capacity: oldKeys.count)
        for (index, value) in oldValues.enumerated() where value != nil { self[oldKeys[index]] = value }
    }
}
