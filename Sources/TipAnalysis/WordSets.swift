/// Small closed word lists the extractors and the language detector share, as folded keys.
enum WordSets {
    static func keys(_ words: String) -> KeySet {
        var set = KeySet()
        for w in words.split(separator: " ") {
            for t in Document(String(w)).tokens { set.hashes.insert(t.hash, 0) }
        }
        return set
    }

    /// Function words that never start or end a name or place.
    static let stop: KeySet = keys("""
        में मे के की का को से पर है हैं हे था थी थे और भी तो एक यह वह ये वो इस उस वहां यहां वहाँ यहाँ जो ने हो रहा रही रहे \
        सर जी श्रीमान महोदय साहब मेरे हमारे हमार हमरा मेरा हमारा अपने लोग कुछ सब बहुत अभी आज कल रात सुबह शाम \
        पास पीछे सामने बगल नजदीक अंदर बाहर तरफ ओर गांव ग्राम मोहल्ला टोला थाना क्षेत्र जिला प्रखंड निवासी वाला वाले वाली \
        me mein mai ke ki ka ko se par pe hai h hain tha thi the aur bhi to ek ye yeh wo woh is us waha yaha jo ne ho raha rahi \
        rahe sir ji sahab saheb mere hamare humare mera hamara apne log kuch sab bahut abhi aaj kal raat subah sham pass paas \
        piche peeche samne bagal najdik andar bahar taraf gaon gav village thana area district block nivasi wala wale wali \
        a an the of in at on near my our your his her and or is are was were from with by for this that there here \
        please plz pls sir bhai bhaiya daily every night today \
        आदमी व्यक्ति लड़का लड़के युवक इंसान बंदा aadmi admi vyakti ladka ladke banda log person man guy
        """)

    /// Hindi function words written in Latin letters: their presence makes a Latin message Hinglish.
    static let hinglish: Set<String> = Set("""
        hai h hain hei ka ki ke ko se me mein mai main par pe raha rahi rahe rha rhi rhe nahi nahin nhi na aur bhi to wala \
        wali wale kal aaj abhi yaha yahan waha wahan kya kyu kyon kaise kab kaun koi kuch sab bahut bhai bhaiya ji sahab \
        saheb log logo gaon gao gav mera meri mere hamara hamare humare hamar hum ham tum aap apne uska uski uske iska iski \
        ek teen ho hota hoti hote tha thi gaya gayi gaye gya diya liya kar karo karke kiya kijiye lijiye jaldi raat rat \
        subah sham shaam din ghar paas piche peeche samne upar niche andar daru daaru sharab bik bech chal jata jati jate \
        wahi yahi lekin magar phir fir sirf ab tab jab agar ladka aadmi admi naam baje bje dekha dekho bata batao chahiye \
        ba bare bani rahal hamra hona hone wahan yahan isko usko unka unke inka sath saath liye bhi bhe vala vali vale ye \
        yeh wo woh jo hoga hogi karna karte karta karti dena dete deta kahi kahin gaya aata aati aate milta milti rakha \
        rakhe rakhi pakad pakdo hua hui hue huye abhii sabhi roj roz rozana bahot jyada zyada thoda bechta bikta bikti \
        sarkar chalu band khula khuleaam khuleam kaafi kafi
        """.split(separator: " ").map(String.init))

    /// English function words: their presence makes a Latin message English.
    static let english: Set<String> = Set("""
        the is are was were be been being a an of in on at for from with by this that these those there here it its he \
        she they we you i my our your his her their them and or but not no yes has have had will would can could should \
        near village sold selling today tonight night morning evening who what where when how which some all every daily \
        people man men house road behind front after before about also very now just did does done illegal liquor \
        information inform kindly request action take being someone somebody person persons vehicle vehicles seen \
        stored storing hidden hiding going coming come came went said says told tell him over under into out up down \
        many much more most other another same such only own than then too any each few both between during without \
        again further once since while because until against among through above below across along around
        """.split(separator: " ").map(String.init))
}

/// A set of folded keys stored as FNV hashes: lookups hash a few UTF-8 bytes instead of comparing Unicode strings.
struct KeySet: Sendable {
    var hashes = HashIndex()

    @inline(__always) func contains(_ key: String) -> Bool { hashes.get(FNV.hash(key)) != nil }
    @inline(__always) func contains(_ token: Token) -> Bool { hashes.get(token.hash) != nil }
}
