namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// The month names of one language as the transformation registries read them. In most languages a month is a
/// word that begins with one of its abbreviations (<c>Januar</c>, <c>janvier</c>, <c>stycznia</c> all begin with
/// the abbreviation of January), whatever its case; Czech, Roman numerals, Hindi and the Indian national
/// calendar name whole words.
/// </summary>
internal sealed class MonthNames
{
    private readonly Dictionary<string, int> _names;
    private readonly bool _byPrefix;
    private readonly int _longest;

    private MonthNames(bool byPrefix, params string[][] months)
    {
        _byPrefix = byPrefix;
        _names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 0; m < months.Length; m++)
        {
            foreach (var name in months[m])
            {
                _names[name] = m + 1;
                _longest = Math.Max(_longest, name.Length);
            }
        }
    }

    /// <summary>The month (1 to 12) that <paramref name="word"/> names, or 0.</summary>
    public int Match(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return 0;
        }
        Span<char> lower = stackalloc char[Math.Min(word.Length, 64)];
        var n = word[..lower.Length].ToLowerInvariant(lower);
        var key = lower[..n];
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!_byPrefix)
        {
            return word.Length <= 64 && lookup.TryGetValue(key, out var exact) ? exact : 0;
        }
        for (var length = Math.Min(_longest, key.Length); length > 0; length--)
        {
            if (lookup.TryGetValue(key[..length], out var month))
            {
                return month;
            }
        }
        return 0;
    }

    public static readonly MonthNames Bulgarian = new(true,
        ["ян"], ["фев"], ["мар"], ["апр"], ["май", "маи"], ["юни"], ["юли"], ["авг"], ["сеп"], ["окт"], ["ное"], ["дек"]);

    /// <summary>Czech: whole words, in the nominative, genitive and locative, and the three-letter abbreviations.</summary>
    public static readonly MonthNames Czech = new(false,
        ["leden", "ledna", "lednu", "led"],
        ["únor", "unor", "února", "unora", "únoru", "unoru", "úno", "uno"],
        ["březen", "brezen", "března", "brezna", "březnu", "breznu", "bře", "bre"],
        ["duben", "dubna", "dubnu", "dub"],
        ["květen", "kveten", "května", "kvetna", "květnu", "kvetnu", "kvě", "kve"],
        ["červen", "cerven", "června", "cervna", "červnu", "cervnu", "čvn", "cvn"],
        ["červenec", "cervenec", "července", "cervence", "červenci", "cervenci", "čvc", "cvc"],
        ["srpen", "srpna", "srpnu", "srp"],
        ["září", "zari", "zář", "zar"],
        ["říjen", "rijen", "října", "rijna", "říjnu", "rijnu", "říj", "rij"],
        ["listopad", "listopadu", "lis"],
        ["prosinec", "prosince", "prosinci", "pro"]);

    /// <summary>Welsh, with the mutated forms that follow "ym mis" and similar.</summary>
    public static readonly MonthNames Welsh = new(true,
        ["ion"], ["chwe"], ["maw", "faw"], ["ebr"], ["mai", "fai"], ["meh", "feh"], ["gor", "ngor"], ["aws"], ["med", "fed"],
        ["hyd"], ["tach", "dach", "nhach", "thach"], ["rhag", "rag"]);

    /// <summary>Danish and Swedish.</summary>
    public static readonly MonthNames Danish = new(true,
        ["jan"], ["feb"], ["mar"], ["apr"], ["maj"], ["jun"], ["jul"], ["aug"], ["sep"], ["okt"], ["nov"], ["dec"]);

    public static readonly MonthNames German = new(true,
        ["jan", "jän", "jaen"], ["feb"], ["mär", "maer", "mar"], ["apr"], ["mai"], ["jun"], ["jul"], ["aug"], ["sep"], ["okt"], ["nov"], ["dez"]);

    /// <summary>Greek, with and without accents and diaeresis (and the Latin look-alike letters some documents use).</summary>
    public static readonly MonthNames Greek = new(true,
        ["ιαν", "ίαν", "iαν"],
        ["φεβ"],
        ["μάρ", "μαρ"],
        ["απρ", "άπρ", "aπρ", "αρίλ", "άρίλ", "αριλ", "άριλ", "aρίλ", "aριλ"],
        ["μαΐ", "μαι", "μάι", "μαϊ", "μάϊ"],
        ["ιούν", "ίούν", "ίουν", "ιουν", "iούν", "iουν"],
        ["ιούλ", "ίούλ", "ίουλ", "ιουλ", "iούλ", "iουλ"],
        ["αύγ", "αυγ"],
        ["σεπ"],
        ["οκτ", "όκτ", "oκτ"],
        ["νοέ", "νοε"],
        ["δεκ"]);

    public static readonly MonthNames English = new(true,
        ["jan"], ["feb"], ["mar"], ["apr"], ["may"], ["jun"], ["jul"], ["aug"], ["sep"], ["oct"], ["nov"], ["dec"]);

    public static readonly MonthNames Spanish = new(true,
        ["ene"], ["feb"], ["mar"], ["abr"], ["may"], ["jun"], ["jul"], ["ago"], ["sep"], ["oct"], ["nov"], ["dic"]);

    public static readonly MonthNames Estonian = new(true,
        ["jaan"], ["veebr"], ["märts", "marts"], ["apr"], ["mai"], ["juuni"], ["juuli"], ["aug"], ["sept"], ["okt"], ["nov"], ["dets"]);

    public static readonly MonthNames Finnish = new(true,
        ["tam"], ["hel"], ["maa"], ["huh"], ["tou"], ["kes"], ["hei"], ["elo"], ["syy"], ["lok"], ["mar"], ["jou"]);

    public static readonly MonthNames French = new(true,
        ["janv"], ["févr", "fevr"], ["mars"], ["avr"], ["mai"], ["juin"], ["juil"], ["août", "aout"], ["sept"], ["oct"], ["nov"], ["déc", "dec"]);

    public static readonly MonthNames Croatian = new(true,
        ["sij"], ["velj"], ["ožu", "ozu"], ["tra"], ["svi"], ["lip"], ["srp"], ["kol"], ["ruj"], ["lis"], ["stu"], ["pro"]);

    public static readonly MonthNames Hungarian = new(true,
        ["jan"], ["feb"], ["márc", "marc"], ["ápr", "apr"], ["máj", "maj"], ["jún", "jun"], ["júl", "jul"], ["aug"], ["szept"], ["okt"], ["nov"], ["dec"]);

    public static readonly MonthNames Italian = new(true,
        ["gen"], ["feb"], ["mar"], ["apr"], ["mag"], ["giu"], ["lug"], ["ago"], ["set"], ["ott"], ["nov"], ["dic"]);

    public static readonly MonthNames Lithuanian = new(true,
        ["sau"], ["vas"], ["kov"], ["bal"], ["geg"], ["bir"], ["lie"], ["rugp", "rgp"], ["rugs", "rgs"], ["spa", "spl"], ["lap"], ["gru", "grd"]);

    public static readonly MonthNames Latvian = new(true,
        ["janv"], ["febr"], ["marts"], ["apr"], ["maijs"], ["jūn", "jun"], ["jūl", "jul"], ["aug"], ["sept"], ["okt"], ["nov"], ["dec"]);

    public static readonly MonthNames Dutch = new(true,
        ["jan"], ["feb"], ["maa", "mrt"], ["apr"], ["mei"], ["jun"], ["jul"], ["aug"], ["sep"], ["okt"], ["nov"], ["dec"]);

    public static readonly MonthNames Norwegian = new(true,
        ["jan"], ["feb"], ["mar"], ["apr"], ["mai"], ["jun"], ["jul"], ["aug"], ["sep"], ["okt"], ["nov"], ["des"]);

    public static readonly MonthNames Polish = new(true,
        ["sty"], ["lut"], ["mar"], ["kwi"], ["maj"], ["cze"], ["lip"], ["sie"], ["wrz"], ["paź", "paz"], ["lis"], ["gru"]);

    public static readonly MonthNames Portuguese = new(true,
        ["jan"], ["fev"], ["mar"], ["abr"], ["mai"], ["jun"], ["jul"], ["ago"], ["set"], ["out"], ["nov"], ["dez"]);

    public static readonly MonthNames Romanian = new(true,
        ["ian"], ["feb"], ["mar"], ["apr"], ["mai"], ["iun"], ["iul"], ["aug"], ["sep"], ["oct"], ["noi", "nov"], ["dec"]);

    public static readonly MonthNames Slovak = new(true,
        ["jan"], ["feb"], ["mar"], ["apr"], ["máj", "maj"], ["jún", "jun"], ["júl", "jul"], ["aug"], ["sep"], ["okt"], ["nov"], ["dec"]);

    public static readonly MonthNames Slovenian = new(true,
        ["jan"], ["feb"], ["mar"], ["apr"], ["maj"], ["jun"], ["jul"], ["avg"], ["sep"], ["okt"], ["nov"], ["dec"]);

    /// <summary>Months as Roman numerals, I to XII.</summary>
    public static readonly MonthNames Roman = new(false,
        ["i"], ["ii"], ["iii"], ["iv"], ["v"], ["vi"], ["vii"], ["viii"], ["ix"], ["x"], ["xi"], ["xii"]);

    /// <summary>The Gregorian months in Hindi (Devanagari), both spellings of November and December.</summary>
    public static readonly MonthNames Hindi = new(false,
        ["जनवरी"], ["फरवरी", "फ़रवरी"], ["मार्च"], ["अप्रैल"], ["मई"], ["जून"], ["जुलाई"], ["अगस्त"], ["सितंबर", "सितम्बर"],
        ["अक्टूबर", "अक्तूबर"], ["नवंबर", "नवम्बर"], ["दिसंबर", "दिसम्बर"]);

    /// <summary>The months of the Indian national (Saka) calendar, transliterated and in Devanagari.</summary>
    public static readonly MonthNames Saka = new(false,
        ["chaitra", "caitra", "चैत्र"],
        ["vaisakha", "vaishakha", "vaishakh", "vaiśākha", "baisakh", "वैशाख", "बैसाख"],
        ["jyaistha", "jyaishtha", "jyaishta", "jyeshtha", "jyeṣṭha", "ज्येष्ठ"],
        ["asadha", "ashadha", "āṣāḍha", "आषाढ", "आषाढ़", "आषा\u095D"],
        ["sravana", "shravana", "śrāvaṇa", "श्रावण", "सावन"],
        ["bhadra", "bhadrapad", "bhadrapada", "bhādra", "bhādrapada", "proṣṭhapada", "भाद्रपद", "भादो"],
        ["asvina", "aswina", "ashwin", "ashvin", "āśvina", "आश्विन"],
        ["kartika", "kartik", "kartiak", "kārtika", "कार्तिक"],
        ["agrahayana", "agrahāyaṇa", "margashirsha", "mārgaśīrṣa", "मार्गशीर्ष", "अगहन"],
        ["pausa", "pausha", "pauṣa", "पौष"],
        ["magha", "magh", "māgha", "माघ"],
        ["phalguna", "phalgun", "phālguna", "फाल्गुन"]);
}
