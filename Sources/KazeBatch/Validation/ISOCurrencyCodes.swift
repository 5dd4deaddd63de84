// ISOCurrencyCodes: the 183 ISO 4217 alpha-3 currency codes, embedded as data (the iso-codes
// database list plus XCG and ZWG, introduced in 2024-2025), looked up through a 26×26×26 table.

/// The ISO 4217 alpha-3 list.
enum ISOCurrencyCodes {
    /// Every code, space-separated, in alphabetical order.
    static let list = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN
        BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD
        FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS
        KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN
        MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR
        SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD
        USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU
        XTS XUA XXX YER ZAR ZMW ZWG ZWL
        """

    private static let table = LetterCodeTable(list: list, length: 3)

    /// True when `code` is an ISO 4217 code (capital letters only).
    static func contains(_ code: String) -> Bool { table.contains(code) }

    /// The ISO 4217 codes that are not legal tender a card can hold: testing and "no currency"
    /// (XTS, XXX), precious metals (XAU, XAG, XPD, XPT), bond-market units (XBA–XBD), the SDR and
    /// other supranational units (XDR, XSU, XUA), and fund or unit-of-account codes (BOV, CHE,
    /// CHW, CLF, COU, MXV, USN, UYI, UYW).
    static let notLegalTender: Set<String> = [
        "XXX", "XTS", "XAU", "XAG", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA",
        "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW",
    ]

    /// True when `code` is an ISO 4217 currency that is legal tender: what a recharge or a
    /// balance can be in.
    static func isLegalTender(_ code: String) -> Bool { legalTender.contains(code) }

    /// The codes of `list` less `notLegalTender`, looked up like `table` (no string hashing per record).
    private static let legalTender = LetterCodeTable(
        list: list.split(whereSeparator: \.isWhitespace).filter { !notLegalTender.contains(String($0)) }.joined(separator: " "),
        length: 3)

    /// How many codes the list holds.
    static var count: Int { table.count }
}
