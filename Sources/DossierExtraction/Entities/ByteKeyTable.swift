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

/// A growable open-addressing set of non-zero 64-bit keys (0 is stored as 1): per-article bookkeeping
/// without `Hasher`'s seeded hashing.
struct KeySet {
    private var slots: [UInt64]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    func contains(_ key: UInt64) -> Bool {
        let key = key == 0 ? 1 : key
        let mask = slots.count - 1
        var index = slot(key)
        while true {
            let stored = slots[index]
            if stored == key { return true }
            if stored == 0 { return false }
            index = (index + 1) & mask
        }
    }

    /// Inserts the key; true when it was not there yet.
    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        let key = key == 0 ? 1 : key
        let mask = slots.count - 1
        var index = slot(key)
        while true {
            let stored = slots[index]
            if stored == key { return false }
            if stored == 0 {
                slots[index] = key
                count += 1
                return true
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        self = KeySet(capacity: old.count)
        for key in old where key != 0 { insert(key) }
    }
}
