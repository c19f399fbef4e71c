import { sql } from 'drizzle-orm';
import { type Database, type Db, execRows } from '../platform/db/database.ts';
import { createReferenceService } from '../reference/index.ts';
import { templateDefinition, type Labels, type TemplateDefinition } from './templates-schema.ts';

/** Labels in the seven UI languages, in the order en, fr, es, pt, ru, fa-AF (Dari), ur. */
const L = (en: string, fr: string, es: string, pt: string, ru: string, fa: string, ur: string): Required<Labels> => ({ en, fr, es, pt, ru, 'fa-AF': fa, ur });
type Option = { code: string; labels: Labels; hsCode?: string };
const opt = (code: string, labels: Labels): Option => ({ code, labels });

const OTHER = L('Other', 'Autre', 'Otro', 'Outro', 'Другое', 'سایر', 'دیگر');

/** The commodity types of a seizure: the categories of the reference commodity taxonomy, by the same codes. */
const COMMODITY_TYPES: Option[] = [
  opt('DRUGS', L('Drugs', 'Drogues', 'Drogas', 'Drogas', 'Наркотики', 'مواد مخدر', 'منشیات')),
  opt('EXPLOSIVES', L('Explosives and precursors', 'Explosifs et précurseurs', 'Explosivos y precursores', 'Explosivos e precursores', 'Взрывчатые вещества и прекурсоры', 'مواد منفجره و پیش‌سازها', 'دھماکہ خیز مواد اور پیش رو کیمیکلز')),
  opt('WEAPONS', L('Weapons and ammunition', 'Armes et munitions', 'Armas y municiones', 'Armas e munições', 'Оружие и боеприпасы', 'سلاح و مهمات', 'اسلحہ اور گولہ بارود')),
  opt('TOBACCO', L('Tobacco', 'Tabac', 'Tabaco', 'Tabaco', 'Табак', 'تنباکو', 'تمباکو')),
  opt('ALCOHOL', L('Alcohol', 'Alcool', 'Alcohol', 'Álcool', 'Алкоголь', 'مشروبات الکلی', 'شراب')),
  opt('IPR', L('IPR, health and safety', 'DPI, santé et sécurité', 'DPI, salud y seguridad', 'DPI, saúde e segurança', 'ИС, здоровье и безопасность', 'مالکیت فکری، سلامت و ایمنی', 'دانشورانہ املاک، صحت و حفاظت')),
  opt('ENVIRONMENT', L('Environment and CITES species', 'Environnement et espèces CITES', 'Medio ambiente y especies CITES', 'Ambiente e espécies CITES', 'Окружающая среда и виды СИТЕС', 'محیط زیست و گونه‌های CITES', 'ماحولیات اور CITES انواع')),
  opt('CULTURAL_HERITAGE', L('Cultural heritage', 'Patrimoine culturel', 'Patrimonio cultural', 'Património cultural', 'Культурное наследие', 'میراث فرهنگی', 'ثقافتی ورثہ')),
  opt('CASH', L('Cash and currency', 'Espèces et devises', 'Efectivo y divisas', 'Numerário e divisas', 'Наличные деньги и валюта', 'پول نقد و ارز', 'نقدی اور کرنسی')),
  opt('REVENUE', L('Revenue and commercial fraud', 'Fraude fiscale et commerciale', 'Fraude fiscal y comercial', 'Fraude fiscal e comercial', 'Таможенное и коммерческое мошенничество', 'تقلب درآمدی و تجاری', 'محصولات اور تجارتی فراڈ')),
  opt('OTHER', OTHER),
];

/** Names of the Programme Global Shield precursor chemicals, by the code of their reference subcategory. */
const PRECURSOR_NAMES: Record<string, Required<Labels>> = {
  ACETIC_ANHYDRIDE: L('Acetic anhydride', 'Anhydride acétique', 'Anhídrido acético', 'Anidrido acético', 'Уксусный ангидрид', 'انیدرید استیک', 'ایسیٹک اینہائیڈرائیڈ'),
  ACETONE: L('Acetone', 'Acétone', 'Acetona', 'Acetona', 'Ацетон', 'استون', 'ایسیٹون'),
  ALUMINIUM_POWDER: L('Aluminium powder', 'Poudre d’aluminium', 'Polvo de aluminio', 'Pó de alumínio', 'Алюминиевый порошок', 'پودر آلومینیم', 'ایلومینیم پاؤڈر'),
  AMMONIUM_NITRATE: L('Ammonium nitrate', 'Nitrate d’ammonium', 'Nitrato de amonio', 'Nitrato de amónio', 'Нитрат аммония', 'نیترات آمونیوم', 'امونیم نائٹریٹ'),
  CALCIUM_AMMONIUM_NITRATE: L('Calcium ammonium nitrate', 'Nitrate d’ammonium calcaire', 'Nitrato amónico cálcico', 'Nitrato de amónio cálcico', 'Кальциево-аммиачная селитра', 'نیترات آمونیوم کلسیم', 'کیلشیم امونیم نائٹریٹ'),
  HYDROGEN_PEROXIDE: L('Hydrogen peroxide', 'Peroxyde d’hydrogène', 'Peróxido de hidrógeno', 'Peróxido de hidrogénio', 'Пероксид водорода', 'آب اکسیژنه', 'ہائیڈروجن پرآکسائیڈ'),
  NITRIC_ACID: L('Nitric acid', 'Acide nitrique', 'Ácido nítrico', 'Ácido nítrico', 'Азотная кислота', 'اسید نیتریک', 'نائٹرک ایسڈ'),
  NITROMETHANE: L('Nitromethane', 'Nitrométhane', 'Nitrometano', 'Nitrometano', 'Нитрометан', 'نیترومتان', 'نائٹرومیتھین'),
  POTASSIUM_CHLORATE: L('Potassium chlorate', 'Chlorate de potassium', 'Clorato de potasio', 'Clorato de potássio', 'Хлорат калия', 'کلرات پتاسیم', 'پوٹاشیم کلوریٹ'),
  POTASSIUM_NITRATE: L('Potassium nitrate', 'Nitrate de potassium', 'Nitrato de potasio', 'Nitrato de potássio', 'Нитрат калия', 'نیترات پتاسیم', 'پوٹاشیم نائٹریٹ'),
  POTASSIUM_PERCHLORATE: L('Potassium perchlorate', 'Perchlorate de potassium', 'Perclorato de potasio', 'Perclorato de potássio', 'Перхлорат калия', 'پرکلرات پتاسیم', 'پوٹاشیم پرکلوریٹ'),
  SODIUM_CHLORATE: L('Sodium chlorate', 'Chlorate de sodium', 'Clorato de sodio', 'Clorato de sódio', 'Хлорат натрия', 'کلرات سدیم', 'سوڈیم کلوریٹ'),
  SODIUM_NITRATE: L('Sodium nitrate', 'Nitrate de sodium', 'Nitrato de sodio', 'Nitrato de sódio', 'Нитрат натрия', 'نیترات سدیم', 'سوڈیم نائٹریٹ'),
  UREA: L('Urea', 'Urée', 'Urea', 'Ureia', 'Мочевина', 'اوره', 'یوریا'),
};

/** The pre-arrival risk indicators of the Global Shield warning (the seed's list, its cut-off lines completed). */
export const RISK_INDICATORS: Option[] = [
  opt('BL_PLACE_OF_ISSUE', L('Bill of lading – place of issue not consistent with the route', 'Connaissement – lieu d’émission incohérent avec l’itinéraire', 'Conocimiento de embarque – lugar de emisión incoherente con la ruta', 'Conhecimento de embarque – local de emissão incoerente com a rota', 'Коносамент – место выдачи не соответствует маршруту', 'بارنامه – محل صدور با مسیر همخوانی ندارد', 'بل آف لیڈنگ – اجرا کی جگہ راستے سے مطابقت نہیں رکھتی')),
  opt('CONSIGNEE_SAME_AS_SHIPPER', L('Consignee – same as the shipper', 'Destinataire – identique à l’expéditeur', 'Consignatario – el mismo que el expedidor', 'Destinatário – o mesmo que o expedidor', 'Грузополучатель – совпадает с грузоотправителем', 'گیرنده – همان فرستنده است', 'وصول کنندہ – بھیجنے والا ہی ہے')),
  opt('CONTAINER_NUMBER', L('Container – incomplete or false number', 'Conteneur – numéro incomplet ou faux', 'Contenedor – número incompleto o falso', 'Contentor – número incompleto ou falso', 'Контейнер – неполный или ложный номер', 'کانتینر – شماره ناقص یا جعلی', 'کنٹینر – نامکمل یا جعلی نمبر')),
  opt('CONTAINER_SHIPPER_OWNED', L('Container – owned by the shipper', 'Conteneur – appartenant à l’expéditeur', 'Contenedor – propiedad del expedidor', 'Contentor – propriedade do expedidor', 'Контейнер – принадлежит грузоотправителю', 'کانتینر – متعلق به فرستنده', 'کنٹینر – بھیجنے والے کی ملکیت')),
  opt('CUBE_SAME_AS_WEIGHT', L('Cube – same figure as the weight', 'Volume – même chiffre que le poids', 'Volumen – la misma cifra que el peso', 'Volume – o mesmo valor que o peso', 'Объём – то же число, что и вес', 'حجم – همان رقم وزن', 'حجم – وزن جیسا ہی عدد')),
  opt('GOODS_HARD_TO_EXAMINE', L('Goods – difficult to examine', 'Marchandises – difficiles à examiner', 'Mercancías – difíciles de examinar', 'Mercadorias – difíceis de examinar', 'Товары – трудно досматривать', 'کالا – بازرسی آن دشوار است', 'سامان – معائنہ مشکل ہے')),
  opt('GOODS_VS_CONTAINER', L('Goods – not consistent with the type of container', 'Marchandises – incohérentes avec le type de conteneur', 'Mercancías – incoherentes con el tipo de contenedor', 'Mercadorias – incoerentes com o tipo de contentor', 'Товары – не соответствуют типу контейнера', 'کالا – با نوع کانتینر همخوانی ندارد', 'سامان – کنٹینر کی قسم سے مطابقت نہیں رکھتا')),
  opt('GOODS_VS_ORIGIN', L('Goods – not consistent with the country of origin', 'Marchandises – incohérentes avec le pays d’origine', 'Mercancías – incoherentes con el país de origen', 'Mercadorias – incoerentes com o país de origem', 'Товары – не соответствуют стране происхождения', 'کالا – با کشور مبدأ همخوانی ندارد', 'سامان – ملکِ اصل سے مطابقت نہیں رکھتا')),
  opt('GOODS_VS_HARVEST', L('Goods – not consistent with harvest seasons', 'Marchandises – incohérentes avec les saisons de récolte', 'Mercancías – incoherentes con las temporadas de cosecha', 'Mercadorias – incoerentes com as épocas de colheita', 'Товары – не соответствуют сезону урожая', 'کالا – با فصل برداشت همخوانی ندارد', 'سامان – فصل کی کٹائی کے موسم سے مطابقت نہیں رکھتا')),
];

const TRANSPORT: Option[] = [
  opt('AIR', L('Air', 'Aérien', 'Aéreo', 'Aéreo', 'Воздушный', 'هوایی', 'ہوائی')),
  opt('SEA', L('Sea', 'Maritime', 'Marítimo', 'Marítimo', 'Морской', 'دریایی', 'بحری')),
  opt('ROAD', L('Road', 'Routier', 'Por carretera', 'Rodoviário', 'Автомобильный', 'زمینی (جاده‌ای)', 'سڑک')),
  opt('RAIL', L('Rail', 'Ferroviaire', 'Ferroviario', 'Ferroviário', 'Железнодорожный', 'ریلی', 'ریل')),
  opt('POSTAL', L('Postal or courier', 'Postal ou fret express', 'Postal o mensajería', 'Postal ou correio expresso', 'Почта или курьер', 'پستی یا پیک', 'ڈاک یا کوریئر')),
  opt('OTHER', OTHER),
];
const LEG_TYPES: Option[] = [
  opt('DEPARTURE', L('Departure', 'Départ', 'Salida', 'Partida', 'Отправление', 'مبدأ', 'روانگی')),
  opt('TRANSIT', L('Transit', 'Transit', 'Tránsito', 'Trânsito', 'Транзит', 'ترانزیت', 'ٹرانزٹ')),
  opt('DESTINATION', L('Destination', 'Destination', 'Destino', 'Destino', 'Назначение', 'مقصد', 'منزل')),
];
const LOCATION_TYPES: Option[] = [
  opt('SEAPORT', L('Seaport', 'Port maritime', 'Puerto marítimo', 'Porto marítimo', 'Морской порт', 'بندر دریایی', 'بندرگاہ')),
  opt('AIRPORT', L('Airport', 'Aéroport', 'Aeropuerto', 'Aeroporto', 'Аэропорт', 'میدان هوایی', 'ہوائی اڈہ')),
  opt('LAND_BORDER', L('Land border', 'Frontière terrestre', 'Frontera terrestre', 'Fronteira terrestre', 'Сухопутная граница', 'سرحد زمینی', 'زمینی سرحد')),
  opt('RAIL_STATION', L('Rail station', 'Gare ferroviaire', 'Estación ferroviaria', 'Estação ferroviária', 'Железнодорожная станция', 'ایستگاه راه‌آهن', 'ریلوے اسٹیشن')),
  opt('POSTAL_CENTRE', L('Postal or courier centre', 'Centre postal ou de fret express', 'Centro postal o de mensajería', 'Centro postal ou de correio expresso', 'Почтовый или курьерский центр', 'مرکز پستی یا پیک', 'ڈاک یا کوریئر مرکز')),
  opt('INLAND', L('Inland', 'Intérieur du territoire', 'Interior del territorio', 'Interior do território', 'Внутри страны', 'داخل کشور', 'اندرون ملک')),
  opt('OTHER', OTHER),
];
/** Detection methods by the codes of the reference list, so that an export to the seizure database lines up. */
const DETECTION: Option[] = [
  opt('RISK_PROFILING', L('Risk profiling / targeting', 'Profilage des risques / ciblage', 'Perfil de riesgo / selección', 'Perfil de risco / seleção', 'Профилирование рисков / отбор', 'نیم‌رخ خطر / هدف‌گیری', 'رسک پروفائلنگ / ہدف بندی')),
  opt('ADVANCE_DATA', L('Analysis of advance cargo or passenger data', 'Analyse des données préalables sur le fret ou les passagers', 'Análisis de datos anticipados de carga o pasajeros', 'Análise de dados antecipados de carga ou passageiros', 'Анализ предварительной информации о грузах или пассажирах', 'تحلیل اطلاعات پیشاپیش محموله یا مسافر', 'کارگو یا مسافروں کی پیشگی معلومات کا تجزیہ')),
  opt('INTELLIGENCE', L('Intelligence', 'Renseignement', 'Inteligencia', 'Informações (intelligence)', 'Оперативная информация', 'اطلاعات استخباراتی', 'انٹیلی جنس')),
  opt('ALERT', L('Alert from another administration or RILO', 'Alerte d’une autre administration ou d’un BRLR', 'Alerta de otra administración o de una RILO', 'Alerta de outra administração ou de um RILO', 'Оповещение другой администрации или РИЛО', 'هشدار از اداره دیگر یا RILO', 'کسی دوسری انتظامیہ یا RILO کا انتباہ')),
  opt('RANDOM_CHECK', L('Random check', 'Contrôle aléatoire', 'Control aleatorio', 'Controlo aleatório', 'Выборочная проверка', 'بازرسی تصادفی', 'اتفاقی جانچ')),
  opt('ROUTINE_CONTROL', L('Routine control', 'Contrôle de routine', 'Control rutinario', 'Controlo de rotina', 'Плановый контроль', 'کنترل معمول', 'معمول کی جانچ')),
  opt('DOCUMENTARY_CHECK', L('Documentary check', 'Contrôle documentaire', 'Control documental', 'Controlo documental', 'Документальная проверка', 'بررسی اسناد', 'دستاویزی جانچ')),
  opt('PHYSICAL_EXAMINATION', L('Physical examination', 'Examen physique', 'Examen físico', 'Exame físico', 'Физический досмотр', 'بازرسی فیزیکی', 'جسمانی معائنہ')),
  opt('OTHER', OTHER),
];
const DEVICES: Option[] = [
  opt('XRAY_SCANNER', L('X-ray / scanner', 'Rayons X / scanner', 'Rayos X / escáner', 'Raios X / scanner', 'Рентген / сканер', 'اشعه ایکس / اسکنر', 'ایکس رے / اسکینر')),
  opt('CANINE', L('Detector dog', 'Chien détecteur', 'Perro detector', 'Cão detetor', 'Служебная собака', 'سگ کاشف', 'سراغ رساں کتا')),
  opt('TRACE_DETECTION', L('Trace detection (ion scan, test kit)', 'Détection de traces (spectromètre ionique, kit de test)', 'Detección de trazas (espectrómetro iónico, kit de prueba)', 'Deteção de vestígios (espectrómetro iónico, kit de teste)', 'Обнаружение следов (ионный сканер, тест-набор)', 'کشف ردپا (اسکن یونی، کیت آزمایش)', 'نشانات کی شناخت (آئن اسکین، ٹیسٹ کٹ)')),
  opt('RADIATION_DETECTION', L('Radiation detector', 'Détecteur de rayonnements', 'Detector de radiación', 'Detetor de radiação', 'Детектор излучения', 'آشکارساز تشعشع', 'تابکاری کا سراغ لگانے والا آلہ')),
  opt('DENSITY_METER', L('Density meter', 'Densimètre', 'Densímetro', 'Densímetro', 'Плотномер', 'چگالی‌سنج', 'کثافت پیما')),
  opt('ENDOSCOPE', L('Endoscope / fibrescope', 'Endoscope / fibroscope', 'Endoscopio / fibroscopio', 'Endoscópio / fibroscópio', 'Эндоскоп / фиброскоп', 'آندوسکوپ / فیبروسکوپ', 'اینڈوسکوپ / فائبروسکوپ')),
  opt('NONE', L('None', 'Aucun', 'Ninguno', 'Nenhum', 'Не использовались', 'هیچ', 'کوئی نہیں')),
  opt('OTHER', OTHER),
];
const GENDERS: Option[] = [
  opt('MALE', L('Male', 'Homme', 'Hombre', 'Homem', 'Мужской', 'مرد', 'مرد')),
  opt('FEMALE', L('Female', 'Femme', 'Mujer', 'Mulher', 'Женский', 'زن', 'عورت')),
  opt('UNKNOWN', L('Unknown', 'Inconnu', 'Desconocido', 'Desconhecido', 'Неизвестно', 'نامعلوم', 'نامعلوم')),
];

const N = {
  originator: L('Originator', 'Expéditeur', 'Remitente', 'Remetente', 'Отправитель', 'فرستنده', 'مرسل'),
  telephone: L('Telephone', 'Téléphone', 'Teléfono', 'Telefone', 'Телефон', 'تلفن', 'ٹیلیفون'),
  country: L('Country', 'Pays', 'País', 'País', 'Страна', 'کشور', 'ملک'),
  notifiedAt: L('Date of notification', 'Date de notification', 'Fecha de notificación', 'Data da notificação', 'Дата уведомления', 'تاریخ اطلاع‌رسانی', 'اطلاع کی تاریخ'),
  officeNotifying: L('Office notifying', 'Bureau notifiant', 'Oficina notificante', 'Estância notificadora', 'Уведомляющее подразделение', 'دفتر اطلاع‌دهنده', 'اطلاع دینے والا دفتر'),
  officeNotifyingSeizure: L('Office notifying the seizure', 'Bureau notifiant la saisie', 'Oficina que notifica la incautación', 'Estância que notifica a apreensão', 'Подразделение, сообщившее об изъятии', 'دفتر اطلاع‌دهنده ضبط', 'ضبطی کی اطلاع دینے والا دفتر'),
  officeInCharge: L('Office in charge of further investigation', 'Bureau chargé de la suite de l’enquête', 'Oficina encargada de la investigación posterior', 'Estância responsável pela investigação subsequente', 'Подразделение, ответственное за дальнейшее расследование', 'دفتر مسئول تحقیقات بعدی', 'مزید تفتیش کا ذمہ دار دفتر'),
  location: L('Location', 'Lieu', 'Lugar', 'Local', 'Место', 'محل', 'مقام'),
  locationType: L('Location type', 'Type de lieu', 'Tipo de lugar', 'Tipo de local', 'Тип места', 'نوع محل', 'مقام کی قسم'),
  narrative: L('Narrative', 'Exposé des faits', 'Relato de los hechos', 'Relato dos factos', 'Описание событий', 'شرح ماجرا', 'تفصیلی بیان'),
  hsCode: L('HS code of the goods', 'Code SH des marchandises', 'Código SA de las mercancías', 'Código SH das mercadorias', 'Код ГС товаров', 'کد HS کالا', 'سامان کا HS کوڈ'),
  precursors: L('Global Shield precursors', 'Précurseurs Global Shield', 'Precursores Global Shield', 'Precursores Global Shield', 'Прекурсоры Global Shield', 'پیش‌سازهای Global Shield', 'Global Shield کے پیش رو کیمیکلز'),
};

function generalSection(seizure = false) {
  return {
    key: 'general',
    labels: L('General remarks', 'Remarques générales', 'Observaciones generales', 'Observações gerais', 'Общие сведения', 'ملاحظات عمومی', 'عمومی کوائف'),
    fields: [
      { key: 'originator', type: 'text', labels: N.originator, required: true, prefill: 'user.name', maxLength: 200 },
      { key: 'telephone', type: 'text', labels: N.telephone, prefill: 'user.phone', maxLength: 40 },
      { key: 'country', type: 'country', labels: N.country, required: true, prefill: 'user.country' },
      { key: 'notified_at', type: 'datetime', labels: N.notifiedAt, required: true, prefill: 'now' },
      { key: 'office_notifying', type: 'text', labels: seizure ? N.officeNotifyingSeizure : N.officeNotifying, prefill: 'user.office', maxLength: 300 },
      { key: 'office_in_charge', type: 'text', labels: N.officeInCharge, maxLength: 300 },
    ],
  };
}

function routeSection() {
  return {
    key: 'route',
    labels: L('Route', 'Itinéraire', 'Ruta', 'Rota', 'Маршрут', 'مسیر', 'راستہ'),
    fields: [
      {
        key: 'route',
        type: 'group',
        labels: L('Route legs', 'Étapes de l’itinéraire', 'Tramos de la ruta', 'Etapas da rota', 'Этапы маршрута', 'مراحل مسیر', 'راستے کے مراحل'),
        maxItems: 20,
        fields: [
          { key: 'country', type: 'country', labels: N.country, required: true },
          { key: 'location', type: 'place', labels: N.location },
          { key: 'port_code', type: 'text', labels: L('Airport/seaport code', 'Code de l’aéroport ou du port', 'Código de aeropuerto o puerto', 'Código do aeroporto ou porto', 'Код аэропорта или порта', 'کد میدان هوایی یا بندر', 'ہوائی اڈے یا بندرگاہ کا کوڈ'), maxLength: 10 },
          { key: 'date', type: 'datetime', labels: L('Route date and time', 'Date et heure', 'Fecha y hora', 'Data e hora', 'Дата и время', 'تاریخ و ساعت', 'تاریخ اور وقت') },
          { key: 'transport', type: 'select', labels: L('Transport', 'Transport', 'Transporte', 'Transporte', 'Транспорт', 'ترانسپورت', 'نقل و حمل'), options: TRANSPORT },
          { key: 'location_type', type: 'select', labels: N.locationType, options: LEG_TYPES },
          { key: 'order', type: 'number', labels: L('Order', 'Ordre', 'Orden', 'Ordem', 'Порядок', 'ترتیب', 'ترتیب'), integer: true, min: 1, max: 99 },
        ],
      },
    ],
  };
}

function offenderGroup(labels: Labels) {
  return {
    key: 'offenders',
    type: 'group',
    labels,
    maxItems: 50,
    fields: [
      { key: 'nationality', type: 'country', labels: L('Nationality', 'Nationalité', 'Nacionalidad', 'Nacionalidade', 'Гражданство', 'تابعیت', 'قومیت') },
      { key: 'gender', type: 'select', labels: L('Gender', 'Sexe', 'Sexo', 'Sexo', 'Пол', 'جنسیت', 'جنس'), options: GENDERS },
      { key: 'age', type: 'number', labels: L('Age', 'Âge', 'Edad', 'Idade', 'Возраст', 'سن', 'عمر'), integer: true, min: 0, max: 120 },
      { key: 'description', type: 'text', labels: L('Description', 'Description', 'Descripción', 'Descrição', 'Описание', 'توضیحات', 'تفصیل'), maxLength: 1000 },
    ],
  };
}

function precursorField(precursors: Option[]) {
  return { key: 'precursors', type: 'multi_select', labels: N.precursors, options: precursors };
}

export function warningDefinition(precursors: Option[] | null) {
  return {
    sections: [
      generalSection(),
      routeSection(),
      {
        key: 'offender',
        labels: L('Suspected courier/offender', 'Passeur ou contrevenant présumé', 'Presunto correo o infractor', 'Presumível correio ou infrator', 'Предполагаемый курьер или правонарушитель', 'حامل یا متخلف مظنون', 'مشتبہ کوریئر یا مجرم'),
        fields: [offenderGroup(L('Suspected couriers/offenders', 'Passeurs ou contrevenants présumés', 'Presuntos correos o infractores', 'Presumíveis correios ou infratores', 'Предполагаемые курьеры или правонарушители', 'حاملان یا متخلفان مظنون', 'مشتبہ کوریئر یا مجرمان'))],
      },
      {
        key: 'suspicion',
        labels: L('Motive of suspicion', 'Motif de suspicion', 'Motivo de sospecha', 'Motivo de suspeita', 'Основание для подозрения', 'دلیل سوءظن', 'شبہ کی وجہ'),
        fields: [
          { key: 'motive', type: 'textarea', labels: L('Motive of suspicion', 'Motif de suspicion', 'Motivo de sospecha', 'Motivo de suspeita', 'Основание для подозрения', 'دلیل سوءظن', 'شبہ کی وجہ'), required: true, maxLength: 20_000 },
          { key: 'hs_code', type: 'hs_code', labels: N.hsCode },
          ...(precursors
            ? [
                precursorField(precursors),
                { key: 'risk_indicators', type: 'multi_select', labels: L('Pre-arrival risk indicators', 'Indicateurs de risque avant l’arrivée', 'Indicadores de riesgo previos a la llegada', 'Indicadores de risco antes da chegada', 'Индикаторы риска до прибытия', 'شاخص‌های خطر پیش از ورود', 'آمد سے پہلے خطرے کے اشارے'), options: RISK_INDICATORS },
              ]
            : []),
        ],
      },
    ],
  };
}

export function feedbackDefinition() {
  return {
    sections: [
      generalSection(),
      {
        key: 'control',
        labels: L('Feedback: details of the control', 'Retour d’information : détails du contrôle', 'Respuesta: detalles del control', 'Resposta: detalhes do controlo', 'Ответ: сведения о контроле', 'بازخورد: جزئیات کنترل', 'فیڈبیک: کنٹرول کی تفصیلات'),
        fields: [
          {
            key: 'feedback_type',
            type: 'select',
            labels: L('Feedback type', 'Type de retour d’information', 'Tipo de respuesta', 'Tipo de resposta', 'Тип ответа', 'نوع بازخورد', 'فیڈبیک کی قسم'),
            required: true,
            options: [
              opt('PRE_ARRIVAL', L('Pre-arrival phase', 'Phase avant l’arrivée', 'Fase previa a la llegada', 'Fase anterior à chegada', 'Этап до прибытия', 'مرحله پیش از ورود', 'آمد سے پہلے کا مرحلہ')),
              opt('POST_ARRIVAL', L('Post-arrival phase', 'Phase après l’arrivée', 'Fase posterior a la llegada', 'Fase posterior à chegada', 'Этап после прибытия', 'مرحله پس از ورود', 'آمد کے بعد کا مرحلہ')),
            ],
          },
          {
            key: 'control',
            type: 'select',
            labels: L('Control', 'Contrôle', 'Control', 'Controlo', 'Контроль', 'کنترل', 'کنٹرول'),
            required: true,
            options: [
              opt('CONTROLLED', L('Controlled', 'Contrôlé', 'Controlado', 'Controlado', 'Проведён', 'کنترل شد', 'کنٹرول کیا گیا')),
              opt('NOT_CONTROLLED', L('Not controlled', 'Non contrôlé', 'No controlado', 'Não controlado', 'Не проводился', 'کنترل نشد', 'کنٹرول نہیں کیا گیا')),
            ],
          },
          {
            key: 'result',
            type: 'select',
            labels: L('Result', 'Résultat', 'Resultado', 'Resultado', 'Результат', 'نتیجه', 'نتیجہ'),
            options: [
              opt('SEIZURE', L('Seizure made', 'Saisie effectuée', 'Incautación realizada', 'Apreensão efetuada', 'Произведено изъятие', 'ضبط انجام شد', 'ضبطی کی گئی')),
              opt('NOTHING_FOUND', L('Nothing found', 'Rien trouvé', 'Sin hallazgos', 'Nada encontrado', 'Ничего не обнаружено', 'چیزی یافت نشد', 'کچھ نہیں ملا')),
              opt('OTHER_IRREGULARITY', L('Other irregularity', 'Autre irrégularité', 'Otra irregularidad', 'Outra irregularidade', 'Иное нарушение', 'تخلف دیگر', 'دیگر بے ضابطگی')),
            ],
          },
          {
            key: 'no_control_motive',
            type: 'select',
            labels: L('Motive of no control', 'Motif de l’absence de contrôle', 'Motivo de la falta de control', 'Motivo da ausência de controlo', 'Причина отсутствия контроля', 'دلیل عدم کنترل', 'کنٹرول نہ کرنے کی وجہ'),
            options: [
              opt('ALREADY_RELEASED', L('Goods already released', 'Marchandises déjà mainlevées', 'Mercancías ya despachadas', 'Mercadorias já desalfandegadas', 'Товары уже выпущены', 'کالا قبلاً ترخیص شده بود', 'سامان پہلے ہی کلیئر ہو چکا تھا')),
              opt('NOT_ARRIVED', L('Shipment has not arrived', 'L’envoi n’est pas arrivé', 'El envío no ha llegado', 'A remessa não chegou', 'Груз не прибыл', 'محموله نرسیده است', 'کھیپ نہیں پہنچی')),
              opt('INSUFFICIENT_INFORMATION', L('Insufficient information', 'Informations insuffisantes', 'Información insuficiente', 'Informação insuficiente', 'Недостаточно информации', 'اطلاعات ناکافی', 'ناکافی معلومات')),
              opt('OTHER', OTHER),
            ],
          },
          { key: 'narrative', type: 'textarea', labels: N.narrative, maxLength: 20_000 },
        ],
      },
    ],
  };
}

export function seizureDefinition(precursors: Option[] | null) {
  return {
    sections: [
      generalSection(true),
      {
        key: 'seizure',
        labels: L('Seizure', 'Saisie', 'Incautación', 'Apreensão', 'Изъятие', 'ضبط', 'ضبطی'),
        fields: [
          { key: 'commodity_type', type: 'select', labels: L('Commodity type', 'Type de marchandise', 'Tipo de mercancía', 'Tipo de mercadoria', 'Вид товара', 'نوع کالا', 'سامان کی قسم'), required: true, options: COMMODITY_TYPES },
          ...(precursors ? [precursorField(precursors)] : []),
          { key: 'seized_at', type: 'datetime', labels: L('Seizure date and hour', 'Date et heure de la saisie', 'Fecha y hora de la incautación', 'Data e hora da apreensão', 'Дата и время изъятия', 'تاریخ و ساعت ضبط', 'ضبطی کی تاریخ اور وقت'), required: true },
          { key: 'location', type: 'place', labels: N.location },
          { key: 'location_type', type: 'select', labels: N.locationType, options: LOCATION_TYPES },
          { key: 'seizure_country', type: 'country', labels: L('Country of seizure', 'Pays de la saisie', 'País de la incautación', 'País da apreensão', 'Страна изъятия', 'کشور محل ضبط', 'ضبطی کا ملک'), required: true },
          { key: 'port', type: 'text', labels: L('Port', 'Port', 'Puerto', 'Porto', 'Порт', 'بندر', 'بندرگاہ'), maxLength: 200 },
          { key: 'detection_method', type: 'select', labels: L('Detection method', 'Méthode de détection', 'Método de detección', 'Método de deteção', 'Метод обнаружения', 'روش کشف', 'سراغ لگانے کا طریقہ'), options: DETECTION },
          { key: 'technical_device', type: 'select', labels: L('Use of technical device', 'Utilisation d’un appareil technique', 'Uso de dispositivo técnico', 'Utilização de dispositivo técnico', 'Использование технических средств', 'استفاده از دستگاه فنی', 'تکنیکی آلے کا استعمال'), options: DEVICES },
          { key: 'technical_device_other', type: 'text', labels: L('Other use of technical device', 'Autre appareil technique utilisé', 'Otro dispositivo técnico utilizado', 'Outro dispositivo técnico utilizado', 'Другие технические средства', 'سایر دستگاه‌های فنی', 'دیگر تکنیکی آلہ'), maxLength: 300 },
          {
            key: 'direction',
            type: 'select',
            labels: L('Direction', 'Sens', 'Sentido', 'Sentido', 'Направление', 'جهت', 'سمت'),
            options: [
              opt('IMPORT', L('Import', 'Importation', 'Importación', 'Importação', 'Ввоз', 'واردات', 'درآمد')),
              opt('EXPORT', L('Export', 'Exportation', 'Exportación', 'Exportação', 'Вывоз', 'صادرات', 'برآمد')),
              opt('TRANSIT', L('Transit', 'Transit', 'Tránsito', 'Trânsito', 'Транзит', 'ترانزیت', 'ٹرانزٹ')),
              opt('DOMESTIC', L('Domestic', 'Intérieur', 'Interior', 'Interno', 'Внутренний', 'داخلی', 'اندرون ملک')),
            ],
          },
          {
            key: 'goods',
            type: 'group',
            labels: L('Goods seized', 'Marchandises saisies', 'Mercancías incautadas', 'Mercadorias apreendidas', 'Изъятые товары', 'کالای ضبط‌شده', 'ضبط شدہ سامان'),
            maxItems: 20,
            fields: [
              { key: 'description', type: 'text', labels: L('Description', 'Description', 'Descripción', 'Descrição', 'Описание', 'توضیحات', 'تفصیل'), maxLength: 500 },
              { key: 'hs_code', type: 'hs_code', labels: N.hsCode },
              { key: 'quantity', type: 'number', labels: L('Quantity', 'Quantité', 'Cantidad', 'Quantidade', 'Количество', 'مقدار', 'مقدار'), min: 0, max: 1_000_000_000 },
              {
                key: 'unit',
                type: 'select',
                labels: L('Unit', 'Unité', 'Unidad', 'Unidade', 'Единица', 'واحد', 'اکائی'),
                options: [
                  opt('KG', L('kilograms', 'kilogrammes', 'kilogramos', 'quilogramas', 'килограммы', 'کیلوگرم', 'کلوگرام')),
                  opt('G', L('grams', 'grammes', 'gramos', 'gramas', 'граммы', 'گرم', 'گرام')),
                  opt('L', L('litres', 'litres', 'litros', 'litros', 'литры', 'لیتر', 'لیٹر')),
                  opt('PIECES', L('pieces', 'pièces', 'piezas', 'peças', 'штуки', 'عدد', 'عدد')),
                  opt('CARTONS', L('cartons', 'cartouches', 'cartones', 'volumes', 'блоки', 'کارتن', 'کارٹن')),
                  opt('STICKS', L('sticks', 'cigarettes (unités)', 'cigarrillos (unidades)', 'cigarros (unidades)', 'сигареты (шт.)', 'نخ', 'سگریٹ (عدد)')),
                  opt('HEADS', L('heads (live animals)', 'têtes (animaux vivants)', 'cabezas (animales vivos)', 'cabeças (animais vivos)', 'головы (живые животные)', 'رأس (حیوان زنده)', 'جانور (زندہ)')),
                  opt('DOSES', L('doses', 'doses', 'dosis', 'doses', 'дозы', 'دوز', 'خوراکیں')),
                  opt('OTHER', OTHER),
                ],
              },
            ],
          },
        ],
      },
      routeSection(),
      {
        key: 'details',
        labels: L('Details', 'Détails', 'Detalles', 'Detalhes', 'Подробности', 'جزئیات', 'تفصیلات'),
        fields: [
          offenderGroup(L('Courier/offender', 'Passeur ou contrevenant', 'Correo o infractor', 'Correio ou infrator', 'Курьер или правонарушитель', 'حامل یا متخلف', 'کوریئر یا مجرم')),
          { key: 'conveyance', type: 'text', labels: L('Conveyance', 'Moyen de transport', 'Medio de transporte', 'Meio de transporte', 'Транспортное средство', 'وسیله نقلیه', 'ذریعہ نقل و حمل'), maxLength: 500 },
          { key: 'parties', type: 'textarea', labels: L('Parties involved', 'Parties impliquées', 'Partes implicadas', 'Partes envolvidas', 'Причастные стороны', 'طرف‌های دخیل', 'ملوث فریقین'), maxLength: 5000 },
          { key: 'declared_goods', type: 'text', labels: L('Declared goods', 'Marchandises déclarées', 'Mercancías declaradas', 'Mercadorias declaradas', 'Заявленные товары', 'کالای اظهارشده', 'ظاہر کردہ سامان'), maxLength: 1000 },
          { key: 'pictures', type: 'attachment', labels: L('Pictures', 'Photos', 'Fotografías', 'Fotografias', 'Фотографии', 'تصاویر', 'تصاویر') },
          { key: 'other_attachments', type: 'attachment', labels: L('Other attachments', 'Autres pièces jointes', 'Otros adjuntos', 'Outros anexos', 'Другие вложения', 'پیوست‌های دیگر', 'دیگر منسلکات') },
          { key: 'narrative', type: 'textarea', labels: N.narrative, maxLength: 20_000 },
        ],
      },
    ],
  };
}

export const BUILTIN_NAMES = {
  WARNING: L('Warning message', 'Message d’alerte', 'Mensaje de alerta', 'Mensagem de alerta', 'Предупреждающее сообщение', 'پیام هشدار', 'انتباہی پیغام'),
  FEEDBACK: L('Feedback message', 'Message de retour d’information', 'Mensaje de respuesta', 'Mensagem de resposta', 'Ответное сообщение', 'پیام بازخورد', 'فیڈبیک پیغام'),
  SEIZURE: L('Seizure message', 'Message de saisie', 'Mensaje de incautación', 'Mensagem de apreensão', 'Сообщение об изъятии', 'پیام ضبط', 'ضبطی کا پیغام'),
};


/** The 14 Global Shield precursors from the reference data, named in every UI language, with their HS codes. */
export async function precursorOptions(tx: Db): Promise<Option[]> {
  // The reference service reads through the caller's transaction (PGlite has one connection).
  const reference = createReferenceService({ rows: (q) => execRows(tx, q) } as Pick<Database, 'rows'> as Database);
  const found = await reference.globalShieldPrecursors();
  return found.map((p) => {
    const names = PRECURSOR_NAMES[p.code.split('.').pop()!] ?? { en: p.name };
    const hs = p.hsCode ? ` (HS ${p.hsCode.slice(0, 4)}.${p.hsCode.slice(4)})` : '';
    const labels = Object.fromEntries(Object.entries(names).map(([lang, name]) => [lang, `${name}${hs}`])) as Labels;
    return { code: p.code, labels, ...(p.hsCode ? { hsCode: p.hsCode } : {}) };
  });
}

/** The built-in templates, checked by the same schema as an OCU+'s own. */
export function builtinTemplates(precursors: Option[] | null): { code: 'WARNING' | 'FEEDBACK' | 'SEIZURE'; prefix: string; names: Labels; definition: TemplateDefinition }[] {
  return [
    { code: 'WARNING', prefix: 'W', names: BUILTIN_NAMES.WARNING, definition: templateDefinition.parse(warningDefinition(precursors)) as TemplateDefinition },
    { code: 'FEEDBACK', prefix: 'F', names: BUILTIN_NAMES.FEEDBACK, definition: templateDefinition.parse(feedbackDefinition()) as TemplateDefinition },
    { code: 'SEIZURE', prefix: 'S', names: BUILTIN_NAMES.SEIZURE, definition: templateDefinition.parse(seizureDefinition(precursors)) as TemplateDefinition },
  ];
}

/**
 * Gives an operation the WARNING, FEEDBACK and SEIZURE templates (with `globalShield`, the Global Shield
 * variant: the 14 precursor chemicals and the pre-arrival risk indicators). Templates it already has are
 * left as they are, so calling it again changes nothing.
 */
export async function installBuiltinTemplates(tx: Db, operationId: string, opts: { globalShield?: boolean; userId?: string | null } = {}): Promise<void> {
  const precursors = opts.globalShield ? await precursorOptions(tx) : null;
  for (const t of builtinTemplates(precursors)) {
    const [row] = await execRows<{ id: string }>(tx, sql`INSERT INTO comm_templates (operation_id, code, prefix, names, definition, builtin, created_by, updated_by)
      VALUES (${operationId}, ${t.code}, ${t.prefix}, ${JSON.stringify(t.names)}::jsonb, ${JSON.stringify(t.definition)}::jsonb, true, ${opts.userId ?? null}, ${opts.userId ?? null})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (row)
      await tx.execute(sql`INSERT INTO comm_template_versions (template_id, version, names, definition, created_by)
        VALUES (${row.id}, 1, ${JSON.stringify(t.names)}::jsonb, ${JSON.stringify(t.definition)}::jsonb, ${opts.userId ?? null})`);
  }
}
