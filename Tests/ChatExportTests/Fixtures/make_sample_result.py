#!/usr/bin/env python3
"""Writes sample_result.json: an invented Telegram Desktop export of a thana's "Cyber Senani" group.

Every name, number, place detail and id is made up. The file is written byte for byte the way Telegram Desktop's
JSON exporter writes a single-chat export: one-space indentation, keys in Desktop's order, `text` as a string or an
array of strings and entity objects, `text_entities` always an array, control characters as Desktop's `\\x0B`, the
line and paragraph separators as `\\u2028`/`\\u2029`, `date` in the exporting machine's local time (IST here),
no newline at the end. The group started as a basic group and was upgraded to a supergroup: the export holds both
histories, and message ids start again at 1 after `migrate_from_group`, as in a real export.

    python3 make_sample_result.py > sample_result.json
"""
import random
import sys

rng = random.Random(11)
IST = 19800

USERS = {}


def user(name, uid=None):
    USERS[name] = uid or rng.randrange(500_000_000, 7_999_999_999)
    return name


SHO = user("Manoj Kumar Singh (SHO Gogri)", 5123409876)
ASI = user("ASI Rekha Kumari", 6011223344)
ADMIN = user("Cyber Cell Khagaria", 1550987321)
CITIZENS = [user(n) for n in [
    "Ramesh Yadav", "Sunita Devi", "Md. Irfan Ansari", "Pintu Kumar", "Guddu Singh", "Rakesh Paswan",
    "Anita Kumari", "Bablu Mandal", "Shyam Sundar Jha", "Priya Bharti", "Vikash Raj", "Mukesh Sahni",
    "Raju Choudhary", "Sanjay Mahto", "Deepak Thakur", "Santosh Sharma", "Kiran Kumari", "Arvind Mishra",
    "Chhotu", "Manish 🇮🇳", "Mahesh Prasad Gupta", "Nasreen Khatoon", "Ajay Kumar Tanti", "Sonu Rajak",
    "Vijay Shankar Poddar", "Dilip Kushwaha", "Rinku Devi", "Amit Anand",
]]
DELETED = user(None, 6998877665)  # a deleted account: Desktop writes "from": null
GROUP_TITLE = "Cyber Senani - Gogri Thana"
SUPERGROUP_ID = 1876543210
OLD_GROUP_ID = 987654321


def serialize_string(value):
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif code < 32:
            out.append("\\x%X%X" % (code >> 4, code & 0x0F))  # Desktop's own (non-JSON) escape
        elif code == 0x2028:
            out.append("\\u2028")
        elif code == 0x2029:
            out.append("\\u2029")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def serialize_object(depth, pairs):
    inner = "\n" + " " * (depth + 1)
    body = ",".join(inner + serialize_string(k) + ": " + v for k, v in pairs if v is not None)
    return "{" + body + "\n" + " " * depth + "}"


def serialize_array(depth, items):
    inner = "\n" + " " * (depth + 1)
    return "[" + ",".join(inner + v for v in items) + "\n" + " " * depth + "]"


def local_date(unix):
    import datetime
    return datetime.datetime.fromtimestamp(unix + IST, datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")


def peer_name(name):
    return "null" if name is None else serialize_string(name)


def text_values(parts):
    """`text` and `text_entities` as Desktop writes them for a message at depth 2."""
    if isinstance(parts, str):
        parts = [parts] if parts else []
    norm = [("plain", p, None) if isinstance(p, str) else (p[0], p[1], p[2] if len(p) > 2 else None)
            for p in parts]

    def entity(kind, text, extra, depth):
        pairs = [("type", serialize_string(kind)), ("text", serialize_string(text))]
        if kind == "text_link":
            pairs.append(("href", serialize_string(extra)))
        elif kind == "mention_name":
            pairs.append(("user_id", str(extra)))
        return serialize_object(depth, pairs)

    if not norm:
        text = serialize_string("")
    elif len(norm) == 1 and norm[0][0] == "plain":
        text = serialize_string(norm[0][1])
    else:
        text = serialize_array(3, [serialize_string(t) if k == "plain" else entity(k, t, x, 4) for k, t, x in norm])
    entities = "[]" if not norm else serialize_array(3, [entity(k, t, x, 4) for k, t, x in norm])
    return text, entities


class Chat:
    def __init__(self):
        self.messages = []
        self.next_id = 1
        self.clock = 1703734320  # 2023-12-28 09:02 IST
        self.tags = {}

    def tick(self, low=240, high=14_400):
        self.clock += rng.randrange(low, high)
        hour = (self.clock + IST) // 3600 % 24
        if hour < 6:  # people sleep: most messages fall in the day
            self.clock += (6 - hour) * 3600 + rng.randrange(0, 1800)
        return self.clock

    def add(self, pairs, tag=None):
        mid = self.next_id
        self.next_id += 1
        if tag:
            self.tags[tag] = mid
        self.messages.append(serialize_object(2, [("id", str(mid))] + pairs))
        return mid

    def head(self, mtype, edited_after=None):
        when = self.tick()
        pairs = [("type", serialize_string(mtype)), ("date", serialize_string(local_date(when))),
                 ("date_unixtime", serialize_string(str(when)))]
        if edited_after:
            pairs += [("edited", serialize_string(local_date(when + edited_after))),
                      ("edited_unixtime", serialize_string(str(when + edited_after)))]
        return pairs

    def service(self, actor, action, extra=(), tag=None, actor_id=None):
        pairs = self.head("service")
        pairs += [("actor", peer_name(actor)), ("actor_id", serialize_string(actor_id or "user%d" % USERS[actor])),
                  ("action", serialize_string(action))]
        pairs += list(extra)
        text, entities = text_values("")
        return self.add(pairs + [("text", text), ("text_entities", entities)], tag)

    def say(self, sender, parts, photo=None, size=None, location=None, fwd=False, edited_after=None, reply=None,
            media=None, reactions=None, tag=None, sender_id=None):
        pairs = self.head("message", edited_after)
        if photo == "auto":  # Desktop names an exported photo after its number and the message's local time
            self.photos = getattr(self, "photos", 0) + 1
            stamp = local_date(self.clock)
            photo = "photos/photo_%d@%s-%s-%s_%s.jpg" % (
                self.photos, stamp[8:10], stamp[5:7], stamp[0:4], stamp[11:].replace(":", "-"))
        pairs += [("from", peer_name(sender)), ("from_id", serialize_string(sender_id or "user%d" % USERS[sender]))]
        if fwd is not False:
            pairs.append(("forwarded_from", peer_name(fwd)))
        if reply:
            pairs.append(("reply_to_message_id", str(self.tags[reply])))
        if photo:
            w, h = size or (1280, 960)
            if photo is True:
                pairs.append(("photo", serialize_string(
                    "(File not included. Change data exporting settings to download.)")))
            else:
                pairs.append(("photo", serialize_string(photo)))
                pairs.append(("photo_file_size", str(rng.randrange(60_000, 240_000))))
            pairs += [("width", str(w)), ("height", str(h))]
        if media == "voice_message":
            pairs += [("file", serialize_string("(File not included. Change data exporting settings to download.)")),
                      ("media_type", serialize_string("voice_message")), ("mime_type", serialize_string("audio/ogg")),
                      ("duration_seconds", str(rng.randrange(4, 40)))]
        elif media == "sticker":
            pairs += [("file", serialize_string("(File not included. Change data exporting settings to download.)")),
                      ("thumbnail", serialize_string(
                          "(File not included. Change data exporting settings to download.)")),
                      ("media_type", serialize_string("sticker")), ("sticker_emoji", serialize_string("🙏")),
                      ("width", "512"), ("height", "512")]
        if location:
            pairs.append(("location_information", serialize_object(3, [
                ("latitude", "%.6f" % location[0]), ("longitude", "%.6f" % location[1])])))
        text, entities = text_values(parts)
        pairs += [("text", text), ("text_entities", entities)]
        if reactions:
            pairs.append(("reactions", serialize_array(3, [serialize_object(4, [
                ("type", serialize_string("emoji")), ("count", str(n)), ("emoji", serialize_string(e))])
                for e, n in reactions])))
        return self.add(pairs, tag)


def pick(seq):
    return rng.choice(seq)


# ---------------------------------------------------------------------------------------------------------------
# What people write. Tips first, by category; then everything that is not a tip.

LIQUOR = [
    "सर हमारे गांव बलुआही में रोज शाम को देसी दारू बिकती है, पोखर के पास वाले घर में",
    "Sir Saharsa road pe dhaba ke piche raat 10 baje ke baad sharab ki petti utarti hai, pickup BR 34 G 4417",
    "मुसहरी टोला में नदी किनारे भट्ठी चल रही है, महुआ का लहन झाड़ी में गाड़ कर रखा है",
    "bhaiya hamar tola me chulai daru banta hai roj, poora mohalla me gandh",
    "Ek bike wala har roj subah 6 baje Jhanjhra chowk pe pouch deta hai, kala Splendor bina number plate",
    "गोगरी बाजार में पान दुकान के पीछे अंग्रेजी शराब की होम डिलीवरी चालू है, फोन करने पर घर पहुंचा देता है",
    "Sir, illegal liquor is being stored in the godown behind the old cinema hall at Gogri Jamalpur. About 40 cartons came last night in a Bolero.",
    "ताड़ी के नाम पर स्प्रिट मिलाकर बेच रहा है भोला, बगीचा में, दो लोग बीमार पड़ चुके हैं",
    "सर रात में नाव से पार से दारू आता है, घाट नंबर 3 पर, 11 बजे के बाद",
    "Sir Mahesh Kheth gaon me shadi hai kal, wahan 20 petti angrezi mangwaya gaya hai UP se",
    "बस में कंडक्टर बैग में बोतल लेकर आता है, हर स्टॉप पर डिलीवरी, बस खगड़िया से 7:30 वाली",
    "हमारे मोहल्ले में एक औरत घर से ही पाउच बेचती है, लड़के लाइन लगाते हैं, स्कूल के बच्चे भी",
    "sir pichhle hafte jo bhatti todi gayi thi wo fir se chalu ho gayi hai, usi jagah, bansbari me",
    "Petrol pump ke samne wale line hotel me khana ke saath sharab serve hota hai raat ko",
    "जानकारी मिली है कि आज रात ट्रक में भूसा के नीचे शराब आ रही है, झारखंड नंबर, NH 31 से",
    "Sir humare yaha ek aadmi car ki diggi me bottle rakh kar ghumta hai, Alto white, BR 07 P 2231",
    "दियारा में कई जगह भट्ठी लगी है, रात में धुआं दिखता है, नाव से ही पहुंचा जा सकता है",
    "सर मंदिर के पास वाले किराना दुकान में नीचे तहखाना में पेटी रखी है",
    "Sir ye photo dekhiye, khet me drum gada hua hai, isi me lahan sadta hai",
    "daru pi ke roj raat ko hungama karta hai aur becha bhi karta hai, ward 9, Sukhdev ka beta",
    "सर कोसी नदी के उस पार से रोज शाम मोटरसाइकिल पर गैलन में दारू आता है, तीन लड़के हैं",
    "Sir Bhagwan tola me ek ghar me spirit mila ke sharab banai ja rahi hai, log bimar ho rahe hai",
    "ठेकेदार के मजदूरों के डेरे पर रात में शराब की पार्टी होती है, गाड़ी से सप्लाई आता है",
    "sir hamare yaha Holi ke liye 50 litre mahua daru ka order gaya hai, kal raat aayega",
    "Liquor is being sold openly near the brick kiln on Baltara road every evening after 7 pm.",
    "सर एक बोलेरो रोज रात 1 बजे गांव में आती है, पीछे तिरपाल से ढकी पेटियां, BR 10 PA 7788",
    "दुकान का नाम 'जय माता दी किराना' है, वहीं से पाउच मिलता है, बच्चों को भी देता है",
    "Sir humare school ke peon school ke store room me hi daru rakhta hai",
    "गन्ने के खेत के बीच में भट्ठी लगाई है, ड्रोन से देखिए तो दिख जाएगा",
    "bhai log ek number pe phone karo to bike pe bottle pahuncha deta hai, 700 wala 1200 me",
    "सर शादी के सीजन में टेंट वाला ही शराब भी सप्लाई कर रहा है",
    "Sir Nepal se aayi sharab Purnia ho ke yahan aati hai, truck me cement ke bore ke niche",
    "नाव पर ड्रम में कच्ची शराब ले जा रहे थे, अभी अभी घाट से निकले हैं, 2 लोग",
    "sir mukhiya ji ka bhatija hi daru ka dhandha karta hai, sab jante hai par koi bolta nahi",
    "हाईवे के ढाबा नंबर 2 पर कोल्ड ड्रिंक की बोतल में शराब बेचते हैं",
]
WANTED = [
    "सर थाना कांड संख्या 112/23 का फरार अभियुक्त अभी रेलवे स्टेशन के पास चाय दुकान पर बैठा है",
    "Sir jo ladka chain snatching me wanted hai wo aaj apne sasural aaya hua hai, Parbatta me",
    "हत्या का आरोपी छोटू उर्फ कालिया रात में अपने घर आता है और सुबह 4 बजे निकल जाता है",
    "Warrant wala Bhuvneshwar aaj haat me ghoom raha hai, laal gamchha pehna hai",
    "सर इनामी अपराधी की फोटो जो अखबार में आई थी, वैसा ही आदमी बस स्टैंड पर दिखा, 15 मिनट पहले",
    "Sir Mansi thana ka wanted aadmi yahan kiraye ke ghar me reh raha hai naam badal ke",
    "जेल से भागा हुआ कैदी दियारा में अपने रिश्तेदार के यहां छुपा है, ऐसा गांव में चर्चा है",
    "Sir ek aadmi jiska photo thana pe laga hai, Bhagalpur wale case me, wo mere mohalle me roz aata hai",
    "फरार वारंटी राजेश पासवान शादी में शामिल होने आया है, बारात कल निकलेगी",
    "sir wo jo loot wala gang tha uska ek member abhi Maheshkhunt bazar me bike pe dikha",
    "सर दहेज हत्या वाले केस का फरार पति बेगूसराय में मजदूरी कर रहा है, पता है मेरे पास",
    "Sir jo aadmi bank loot me bhaga tha wo daadhi badha ke ghoom raha hai, aaj mela me dekha",
    "फरार अभियुक्त का भाई बता रहा था कि वह रात को नाव से दियारा जाता है",
    "sir 25 hazar ka inami aaj hospital me apni maa ko dikhane aaya hai, ward 3 ke bahar",
    "कुर्की जब्ती वाला अपराधी आज अपने पुराने घर में सामान लेने आया है",
    "Sir Rakesh urf Bhola jiska warrant hai wo roz subah 5 baje station se Patna wali train pakadta hai",
    "उस लड़के पर रंगदारी का केस है, अभी सफेद स्कॉर्पियो में बाजार में घूम रहा है",
    "sir ek history-sheeter gaon me aa ke logon ko dhamka raha hai, kal raat bhi aaya tha",
]
ELECTION = [
    "सर वार्ड 11 में मुखिया प्रत्याशी के लोग रात में पैसा बांट रहे हैं, 500 रुपये प्रति वोट",
    "Booth no 47 pe kal kabza karne ki planning hai, bahar ke ladke bulaye gaye hain",
    "chunav se pehle gaon me sharab aur saree baant rahe hai, sarpanch ke aadmi",
    "मतदान केंद्र संख्या 112 के पास हथियार लेकर कुछ लोग घूम रहे हैं, वोटरों को डरा रहे हैं",
    "Sir kuch log dalit tole me jaake dhamki de rahe hai ki vote dene mat jana",
    "फर्जी वोटर लिस्ट में नाम जुड़वाया जा रहा है, दूसरे गांव के लोगों का",
    "Sir, loudspeaker se prachar raat 11 baje tak chal raha hai, aachar sanhita ka ullanghan hai",
    "बूथ नंबर 23 पर कल बोगस वोटिंग की तैयारी है, पर्ची पहले से बांट दी गई है",
    "Sir pratyashi ke ghar pe raat ko bhoj hai aur saath me paisa bhi diya ja raha hai",
    "मतदान के दिन नाव से दूसरे गांव के लोगों को लाकर वोट डलवाने की योजना है",
    "sir booth no 88 ke paas school me lathi danda jama kiya gaya hai",
    "कुछ लोग घर घर जाकर वोटर आईडी कार्ड जमा कर रहे हैं, कह रहे हैं बाद में लौटा देंगे",
    "Sir election ke liye bahar se hathiyar band log bulaye gaye hai, bagiche wale makan me rukhe hai",
    "वार्ड सदस्य का उम्मीदवार मंदिर में शपथ दिला रहा है कि वोट उसी को देना, नहीं तो अंजाम बुरा होगा",
    "sir Model code of conduct ke bawajood sarkari school me party ki meeting ho rahi hai",
    "कल रात दो गाड़ियों में कंबल और साड़ी बांटी गई, मतदाताओं को",
]
OTHER = [
    "सर हमारे गांव में रात में ट्रैक्टर से अवैध बालू खनन हो रहा है, नदी घाट से",
    "Sir mere papa ke account se 45,000 kat gaya, ek call aaya tha KYC update ke naam pe",
    "स्कूल के पीछे रोज शाम जुआ खेला जाता है, बड़े पैसे का, 15-20 लोग",
    "Sir hamare mohalle me ek ladka smack bechta hai, school ke bachche uske paas jaate hai",
    "रात में मेरी बाइक घर के सामने से चोरी हो गई, Hero HF Deluxe BR 34 AD 5512",
    "Sir ek aadmi naukri dilane ke naam pe gaon walo se paisa le raha hai, 2 lakh tak",
    "खेत में रखा पंपसेट और केबल चोरी हो गया, तीसरी बार इस महीने",
    "sir koi ladka Instagram pe ladkiyon ki photo edit karke blackmail kar raha hai",
    "नहर के पास अवैध हथियार की खरीद बिक्री होती है, कट्टा 5000 में",
    "Sir ATM ke paas do ladke logon ka card badal dete hai, aaj bhi khade the",
    "गांव के दबंग लोग सरकारी जमीन पर कब्जा कर रहे हैं, पक्का दीवार बना रहे हैं",
    "Mobile tower ki battery chori ho rahi hai raat me, gaadi aati hai",
    "सर एक लड़का फोन करके बिजली बिल बकाया का मैसेज भेजकर लोगों से पैसा ठग रहा है, नंबर भेज रहा हूं",
    "Sir gaon me ek doctor bina degree ke clinic chala raha hai, galat injection se bachcha bimar hua",
    "रात में नहर से मोटर और पाइप चोरी करने वाले गिरोह का एक आदमी पहचान में आया है",
    "sir school ke bahar ganja ki pudiya bikti hai chhutti ke time",
    "मवेशी चोर पिकअप से आते हैं, कल दो भैंस ले गए, पिकअप का रंग नीला था",
    "Sir online loan app wale meri photo edit karke rishtedaro ko bhej rahe hai",
    "नदी में बिजली का करंट लगाकर मछली मार रहे हैं, पूरे गांव की मछली खत्म",
    "Sir kuch log nabalig ladki ki shadi kara rahe hai agle hafte, Ward 6 me",
    "लॉटरी के नाम पर गांव की महिलाओं से पैसा वसूला जा रहा है",
    "sir petrol pump pe nakli note chalaya gaya, wo ladka abhi wahi khada hai",
    "ई-रिक्शा की बैटरी रात में खोल लेते हैं, तीन रिक्शा वालों के साथ हुआ",
    "Sir hamare yaha ek aadmi sarkari rashan ka chawal truck me bhar ke bahar bech raha hai",
]
GREETINGS = [
    "जय हिंद सर 🙏", "Jai Hind", "जय हिन्द", "Good morning sir ji", "सुप्रभात 🙏🌹", "Good night all",
    "प्रणाम सर", "Jai hind sir 🇮🇳", "🙏🙏", "राम राम सभी को", "shubh ratri 🌙", "Good morning 🌞",
    "जय हिंद, जय बिहार पुलिस", "Namaste sabhi senani bhaiyo ko",
]
THANKS = [
    "धन्यवाद सर, बहुत अच्छा काम", "Thank you sir 🙏", "thanks sir action lene ke liye", "बहुत बढ़िया सर 👍",
    "Gogri police zindabad", "सर आपकी वजह से गांव में शांति है", "well done sir", "👍👍👍",
    "शुक्रिया सर, आज रात गश्ती गाड़ी आई थी",
]
QUESTIONS = [
    "सर मैं भी सेनानी बनना चाहता हूं, कैसे जुड़ें?", "sir thana ka number kya hai?",
    "FIR online kaise karein sir?", "सर पासपोर्ट वेरिफिकेशन के लिए कब आना है?",
    "Is group me koi bhi shikayat kar sakta hai?", "सर चरित्र प्रमाण पत्र कैसे बनेगा",
    "Sir 112 pe call nahi lag raha", "मेरा मोबाइल गुम हो गया है, कहां आवेदन दें?",
]
CHATTER = [
    "आज बहुत ठंड है, सब लोग अलाव के पास रहें", "कल बाजार बंद रहेगा क्या?", "भारत जीत गया 🏏🇮🇳🎉",
    "Aaj Chhath ghat pe bahut bheed thi, police ka intezam achha tha", "sab log apna dhyan rakhe",
    "Koi batayega Khagaria wali train kitne baje hai?", "बिजली कब आएगी पता नहीं, 6 घंटे से गुल है",
    "Happy Holi sabhi ko 🎨🎉", "मौसम खराब है, बाहर मत निकलिए", "aaj haat me sabzi bahut mehenga tha",
    "कौन कौन मेला जा रहा है?", "हमारे गांव की सड़क कब बनेगी भाई",
]
NEWS = [
    ("Bihar Police", "बिहार पुलिस की अपील: किसी अनजान कॉल पर ओटीपी साझा न करें। साइबर ठगी होने पर तुरंत 1930 पर कॉल करें।"),
    ("Dainik Samachar Khagaria", "खगड़िया: छापेमारी में 300 लीटर देसी शराब जब्त, दो धंधेबाज गिरफ्तार"),
    ("Bihar Police", "सड़क सुरक्षा सप्ताह: हेलमेट पहनें, सुरक्षित रहें।"),
    ("Khagaria News Live", "Gogri: पुल पर जाम से लोग परेशान, घंटों फंसे रहे वाहन"),
    (None, "सावधान! बच्चा चोर गिरोह की अफवाह पर ध्यान न दें, किसी भी संदिग्ध की सूचना पुलिस को दें"),
    ("Bihar Police", "मद्य निषेध: शराब से जुड़ी सूचना 15545 पर दें, आपका नाम गुप्त रखा जाएगा।"),
]
ANNOUNCEMENTS = [
    [("bold", "सूचना"), ": कल सुबह 10 बजे थाना परिसर में जनता दरबार लगेगा। अपनी शिकायत लेकर आएं।"],
    ["सभी सेनानी ध्यान दें: सूचना देने वाले का नाम गुप्त रखा जाता है। ", ("bold", "निडर होकर सूचना दें"), "।"],
    [("bold", "होली"), " के अवसर पर शराब का सेवन और बिक्री अपराध है। सूचना दें: ", ("phone", "+91 94318 00000")],
    ["Cyber thagi se bache. Jankari ke liye dekhe ", ("link", "https://cybercrime.gov.in"), " ",
     ("hashtag", "#CyberSafeBihar")],
    ["थाना गोगरी का सरकारी नंबर ", ("phone", "+91 94318 00000"), " है, आपात स्थिति में 112 डायल करें।"],
    [("bold", "चुनाव"), " को देखते हुए सभी लाइसेंसी हथियार थाना में जमा करें। ", ("hashtag", "#Election2024")],
]


def build():
    chat = Chat()
    citizens = CITIZENS
    # The basic group's life: created, people invited and joining, a few first messages, then the upgrade.
    chat.service(SHO, "create_group", [("title", serialize_string(GROUP_TITLE)), ("members", serialize_array(3, [
        serialize_string(n) for n in [ASI, ADMIN, citizens[0], citizens[1]]]))])
    chat.say(SHO, [("bold", "स्वागत है"), " — यह गोगरी थाना का साइबर सेनानी ग्रुप है। अपराध की सूचना यहां दें।"],
             tag="welcome")
    chat.service(SHO, "pin_message", [("message_id", str(chat.tags["welcome"]))])
    chat.service(SHO, "invite_members", [("members", serialize_array(3, [serialize_string(n) for n in citizens[2:9]]))])
    for who in citizens[9:13]:
        chat.service(who, "join_group_by_link", [("inviter", serialize_string(ADMIN))])
    chat.say(citizens[0], "जय हिंद सर 🙏")
    chat.say(citizens[3], "Jai Hind")
    chat.say(citizens[1], LIQUOR[0])
    chat.say(SHO, "सूचना के लिए धन्यवाद, टीम भेजी जा रही है", reply=None)
    chat.say(citizens[5], WANTED[0])
    chat.say(citizens[7], "Good morning sir ji")
    chat.say(citizens[2], "Sir mera number galti se group me aa gaya hai, hata dijiye +91 98765 43210",
             edited_after=120)
    chat.service(citizens[8], "remove_members", [("members", serialize_array(3, [serialize_string(citizens[8])]))])
    chat.say(citizens[4], ["सुबह से ", ("bold", "बिजली"), " नहीं है"])
    chat.service(SHO, "migrate_to_supergroup")
    basic = chat.messages

    # The supergroup: ids start again at 1.
    chat = Chat()
    chat.clock = CLOCK_AFTER_MIGRATION[0]
    chat.service(GROUP_TITLE, "migrate_from_group", [("title", serialize_string(GROUP_TITLE))],
                 actor_id="channel%d" % SUPERGROUP_ID)
    chat.say(SHO, ANNOUNCEMENTS[1], tag="rules")
    chat.service(SHO, "pin_message", [("message_id", str(chat.tags["rules"]))])

    tips = ([("liquor", t) for t in LIQUOR] + [("wanted", t) for t in WANTED] +
            [("election", t) for t in ELECTION] + [("other", t) for t in OTHER])
    rng.shuffle(tips)
    specials = {
        # position in the supergroup's stream -> a message with something the reader must handle
        6: lambda: chat.say(pick(citizens), [("mention", "@sho_gogri"), " सर देखिए, ", "बांध के पास ",
                                             ("bold", "भट्ठी"), " चल रही है, संपर्क ", ("phone", "9472 000 111")],
                            photo="auto", size=(1280, 720), tag="photo_tip"),
        9: lambda: chat.say(SHO, "टीम पहुंच गई है, 2 ड्रम लहन नष्ट किया गया", reply="photo_tip",
                            reactions=[("👍", 14), ("🙏", 6)]),
        14: lambda: chat.say(pick(citizens), "Sir yahi jagah hai, yahan raat ko gadi rukti hai",
                             location=(25.475031, 86.573120), tag="pin"),
        20: lambda: chat.say(pick(citizens), "", photo=True, size=(960, 1280)),
        23: lambda: chat.say(pick(citizens), "ये फोटो देखिए सर, गाड़ी का नंबर साफ दिख रहा है", photo=True,
                             size=(1600, 1200)),
        31: lambda: chat.say(pick(citizens), NEWS[1][1], fwd=NEWS[1][0], tag="fwd"),
        37: lambda: chat.say(pick(citizens), NEWS[4][1], fwd=None),
        44: lambda: chat.say(pick(citizens), "Sir daru wala fir se aa gaya, edit: abhi 2 log hai", edited_after=300,
                             tag="edited"),
        51: lambda: chat.say(pick(citizens), "", media="voice_message"),
        58: lambda: chat.say(pick(citizens), "", media="sticker"),
        63: lambda: chat.say(DELETED, "पुलिया के नीचे रोज रात ताश और जुआ", sender_id="user%d" % USERS[DELETED]),
        70: lambda: chat.say(GROUP_TITLE, ANNOUNCEMENTS[5], sender_id="channel%d" % SUPERGROUP_ID),
        77: lambda: chat.say(pick(citizens), "पहली लाइन\x0Bदूसरी लाइन \u2028 और 𝐁𝐨𝐥𝐝 😀 \"quoted\" back\\slash\ttab"),
        85: lambda: chat.say(pick(citizens), ["Help: ", ("bot_command", "/start"), " dabaiye ",
                                              ("text_link", "yahan", "https://t.me/senani_bot"), " ",
                                              ("italic", "zaroor"), " ", ("mention_name", "ASI madam", 6011223344)]),
    }
    position = 3
    tip_index = 0
    while chat.next_id <= 262:
        position += 1
        if position in specials:
            specials.pop(position)()
            continue
        roll = rng.random()
        who = pick(citizens)
        if roll < 0.42 and tip_index < len(tips):
            kind, text = tips[tip_index]
            tip_index += 1
            if tip_index % 7 == 0:
                tip = chat.say(who, [text, " ", ("phone", "+91 9%09d" % rng.randrange(10**8, 10**9))])
            elif tip_index % 5 == 0:
                tip = chat.say(who, text, photo="auto", size=(1280, 960))
            else:
                tip = chat.say(who, text)
            if tip_index % 4 == 0:
                chat.tags["tip"] = tip
                chat.say(SHO if rng.random() < 0.7 else ASI, reply="tip",
                         parts=pick(["सूचना मिली, कार्रवाई की जा रही है", "Noted, team bheji ja rahi hai",
                               "धन्यवाद, आपका नाम गुप्त रहेगा", "जांच कराई जा रही है"]))
        elif roll < 0.52:
            chat.say(who, pick(GREETINGS))
        elif roll < 0.62:
            chat.say(who, pick(THANKS))
        elif roll < 0.70:
            chat.say(who, pick(QUESTIONS))
        elif roll < 0.80:
            chat.say(who, pick(CHATTER))
        elif roll < 0.87:
            source, text = pick(NEWS)
            chat.say(who, text, fwd=source)
        elif roll < 0.93:
            chat.say(SHO if rng.random() < 0.6 else ASI, pick(ANNOUNCEMENTS))
        elif roll < 0.97:
            newcomer = user(pick(["Rohit", "Pooja Kumari", "Suman Paswan", "Bittu Singh", "Ranjit Sada"]) +
                            " " + str(rng.randrange(10, 99)))
            chat.service(newcomer, "join_group_by_link", [("inviter", serialize_string(ADMIN))])
        else:
            chat.say(who, "", photo=True)
    while tip_index < len(tips):
        kind, text = tips[tip_index]
        tip_index += 1
        chat.say(pick(citizens), text)
    chat.say(SHO, ["सभी सेनानियों का ", ("bold", "धन्यवाद"), "। इस महीने 14 छापेमारी हुई। ",
                   ("hashtag", "#GogriPolice")])
    return basic, chat.messages


CLOCK_AFTER_MIGRATION = [1705215600]  # 2024-01-14 12:30 IST

basic, supergroup = build()
root = ("{\n" + ' "name": ' + serialize_string(GROUP_TITLE) + ",\n" + ' "type": "private_supergroup",\n' +
        ' "id": %d,\n' % SUPERGROUP_ID + ' "messages": [' +
        ",".join("\n  " + m for m in basic + supergroup) + "\n ]\n}")
sys.stdout.write(root)
