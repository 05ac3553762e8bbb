/**
 * Demo data: the innovation ecosystem of Kota Cakrawala, a fictional Indonesian city.
 *
 * Deterministic (a seeded generator, no Math.random) and anchored on "today" in the city's
 * zone, so that programs are open and events are coming whatever day the demo runs.
 * Pictures are generated SVGs served by the API itself: nothing comes from the internet.
 */
import type { AdminIdea, Collaboration, Helix, IdeaStatus, InnovationStage, InnovationType, Term } from '../src/api/schemas.js';
import { TRACKING_ALPHABET } from './ids.js';
import type { Content } from './store.js';
import { addDays, floating, parseWall } from './time.js';

export const CITY = 'Kota Cakrawala';
export const CITY_TIME_ZONE = 'Asia/Jakarta';
const SITE = 'https://cakrawalakota.example';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------
// Taxonomy

const SECTORS: Term[] = [
  { id: 'public-services', label: { id: 'Layanan Publik', en: 'Public services' }, color: '#0e7490' },
  { id: 'health', label: { id: 'Kesehatan', en: 'Health' }, color: '#be123c' },
  { id: 'education', label: { id: 'Pendidikan', en: 'Education' }, color: '#7c3aed' },
  { id: 'environment', label: { id: 'Lingkungan Hidup', en: 'Environment' }, color: '#15803d' },
  { id: 'msme', label: { id: 'UMKM', en: 'Small businesses' }, color: '#b45309' },
  { id: 'transport', label: { id: 'Transportasi', en: 'Transport' }, color: '#1d4ed8' },
  { id: 'digital-governance', label: { id: 'Tata Kelola Digital', en: 'Digital governance' }, color: '#4338ca' },
  { id: 'culture', label: { id: 'Kebudayaan', en: 'Culture' }, color: '#a21caf' },
];

const EVENT_CATEGORIES: Term[] = [
  { id: 'workshop', label: { id: 'Lokakarya', en: 'Workshop' }, color: '#0f766e' },
  { id: 'seminar', label: { id: 'Seminar & Diskusi', en: 'Talks' }, color: '#1d4ed8' },
  { id: 'hackathon', label: { id: 'Hackathon', en: 'Hackathon' }, color: '#c2410c' },
  { id: 'exhibition', label: { id: 'Pameran', en: 'Exhibition' }, color: '#a21caf' },
  { id: 'community', label: { id: 'Temu Komunitas', en: 'Community meetup' }, color: '#15803d' },
  { id: 'training', label: { id: 'Pelatihan', en: 'Training' }, color: '#b45309' },
  { id: 'pitching', label: { id: 'Pitching & Demo Day', en: 'Pitching & demo day' }, color: '#be123c' },
];

const HELIXES: Term[] = [
  { id: 'government', label: { id: 'Pemerintah', en: 'Government' }, color: '#1d4ed8' },
  { id: 'academia', label: { id: 'Akademisi', en: 'Academia' }, color: '#7c3aed' },
  { id: 'business', label: { id: 'Bisnis', en: 'Business' }, color: '#b45309' },
  { id: 'community', label: { id: 'Komunitas', en: 'Community' }, color: '#15803d' },
  { id: 'media', label: { id: 'Media', en: 'Media' }, color: '#be123c' },
];

// ---------------------------------------------------------------------------------------
// Stakeholders: [id, name, helix, kind, description, district]

type StakeholderSeed = [string, string, Helix, string, string, string];

const DISTRICTS = ['Cakrawala Utara', 'Cakrawala Selatan', 'Sukamaju', 'Mekarsari', 'Pasirjaya', 'Tanjungsari', 'Rawabening', 'Karangmulya'];

const STAKEHOLDERS: StakeholderSeed[] = [
  ['pemkot', 'Pemerintah Kota Cakrawala', 'government', 'Pemerintah daerah', 'Pemerintah kota yang mengoordinasikan ekosistem inovasi daerah dan Indeks Inovasi Daerah.', 'Cakrawala Utara'],
  ['brida', 'Badan Riset dan Inovasi Daerah (BRIDA)', 'government', 'Badan daerah', 'Mengelola tata kelola inovasi, kompetisi inovasi tahunan, dan basis data inovasi kota.', 'Cakrawala Utara'],
  ['dinkes', 'Dinas Kesehatan', 'government', 'Dinas', 'Menyelenggarakan layanan kesehatan dasar, puskesmas, dan program kesehatan masyarakat.', 'Mekarsari'],
  ['disdik', 'Dinas Pendidikan', 'government', 'Dinas', 'Mengelola sekolah dasar dan menengah pertama serta peningkatan mutu guru.', 'Sukamaju'],
  ['dlh', 'Dinas Lingkungan Hidup', 'government', 'Dinas', 'Menangani persampahan, ruang terbuka hijau, dan kualitas udara serta air.', 'Tanjungsari'],
  ['dishub', 'Dinas Perhubungan', 'government', 'Dinas', 'Mengatur lalu lintas, angkutan umum, dan perparkiran kota.', 'Pasirjaya'],
  ['diskominfo', 'Dinas Komunikasi dan Informatika', 'government', 'Dinas', 'Membangun infrastruktur digital, satu data kota, dan aplikasi layanan pemerintah.', 'Cakrawala Utara'],
  ['diskopukm', 'Dinas Koperasi dan UMKM', 'government', 'Dinas', 'Membina koperasi dan usaha mikro, kecil, dan menengah.', 'Rawabening'],
  ['disbudpar', 'Dinas Kebudayaan dan Pariwisata', 'government', 'Dinas', 'Melestarikan seni budaya lokal dan mengembangkan destinasi wisata kota.', 'Karangmulya'],
  ['disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil', 'government', 'Dinas', 'Melayani dokumen kependudukan: KTP-el, akta, dan kartu keluarga.', 'Cakrawala Selatan'],
  ['rsud', 'RSUD Kota Cakrawala', 'government', 'Rumah sakit daerah', 'Rumah sakit rujukan milik pemerintah kota.', 'Mekarsari'],
  ['kec-sukamaju', 'Kecamatan Sukamaju', 'government', 'Kecamatan', 'Kecamatan percontohan layanan administrasi terpadu.', 'Sukamaju'],
  ['unikra', 'Universitas Cakrawala', 'academia', 'Universitas', 'Universitas negeri dengan pusat studi kebijakan publik dan inkubator bisnis.', 'Cakrawala Selatan'],
  ['itc', 'Institut Teknologi Cakrawala', 'academia', 'Institut', 'Kampus teknik dengan laboratorium kota cerdas dan data spasial.', 'Pasirjaya'],
  ['polnec', 'Politeknik Negeri Cakrawala', 'academia', 'Politeknik', 'Pendidikan vokasi di bidang teknik, tata niaga, dan pariwisata.', 'Tanjungsari'],
  ['uin', 'Universitas Islam Nusantara Cakrawala', 'academia', 'Universitas', 'Kampus dengan fokus pada pemberdayaan masyarakat dan ekonomi syariah.', 'Rawabening'],
  ['stikes', 'STIKes Bakti Husada', 'academia', 'Sekolah tinggi', 'Sekolah tinggi ilmu kesehatan yang aktif dalam riset gizi dan kesehatan ibu-anak.', 'Mekarsari'],
  ['smkn2', 'SMK Negeri 2 Cakrawala', 'academia', 'Sekolah', 'Sekolah kejuruan rekayasa perangkat lunak dan teknik elektronika.', 'Sukamaju'],
  ['lpmunikra', 'LPPM Universitas Cakrawala', 'academia', 'Lembaga penelitian', 'Lembaga penelitian dan pengabdian kepada masyarakat.', 'Cakrawala Selatan'],
  ['sinardata', 'PT Sinar Data Nusantara', 'business', 'Perusahaan teknologi', 'Pengembang perangkat lunak pemerintahan dan analitik data.', 'Cakrawala Utara'],
  ['bankcakra', 'Bank Cakrawala', 'business', 'Bank daerah', 'Bank milik daerah yang menyalurkan kredit usaha rakyat dan pembayaran digital.', 'Cakrawala Utara'],
  ['koptani', 'Koperasi Tani Makmur Sejahtera', 'business', 'Koperasi', 'Koperasi petani sayur dan pengelola pasar tani mingguan.', 'Karangmulya'],
  ['kriyabambu', 'CV Kriya Bambu Lestari', 'business', 'Usaha kecil', 'Perajin bambu yang memasarkan produk ke pasar ekspor.', 'Karangmulya'],
  ['angkasalog', 'PT Angkasa Logistik Kota', 'business', 'Perusahaan logistik', 'Layanan kurir dan pergudangan untuk UMKM.', 'Pasirjaya'],
  ['sampahku', 'Sampahku.id', 'business', 'Perusahaan rintisan', 'Aplikasi penjemputan sampah terpilah dan tabungan bank sampah digital.', 'Tanjungsari'],
  ['klinikku', 'KlinikKu', 'business', 'Perusahaan rintisan', 'Platform antrean dan telekonsultasi untuk klinik dan puskesmas.', 'Mekarsari'],
  ['pasarin', 'Pasarin', 'business', 'Perusahaan rintisan', 'Lokapasar pesan-antar belanja pasar tradisional.', 'Rawabening'],
  ['suryamandiri', 'PT Energi Surya Mandiri', 'business', 'Perusahaan energi', 'Pemasang panel surya atap untuk gedung publik dan rumah tangga.', 'Tanjungsari'],
  ['kopilereng', 'Kedai Kopi Lereng', 'business', 'Usaha mikro', 'Kedai kopi lokal yang menjadi ruang temu komunitas kreatif.', 'Sukamaju'],
  ['relawantik', 'Relawan TIK Kota Cakrawala', 'community', 'Komunitas', 'Relawan literasi digital untuk warga, UMKM, dan perangkat kelurahan.', 'Cakrawala Utara'],
  ['karangtaruna', 'Karang Taruna Sukamaju', 'community', 'Organisasi pemuda', 'Organisasi kepemudaan tingkat kelurahan.', 'Sukamaju'],
  ['banksampah', 'Bank Sampah Berseri', 'community', 'Komunitas', 'Bank sampah warga dengan lebih dari 900 nasabah.', 'Tanjungsari'],
  ['pkk', 'TP PKK Kota Cakrawala', 'community', 'Organisasi masyarakat', 'Gerakan pemberdayaan keluarga, posyandu, dan pekarangan pangan lestari.', 'Cakrawala Utara'],
  ['difabel', 'Komunitas Difabel Berdaya', 'community', 'Komunitas', 'Advokasi aksesibilitas layanan publik dan pelatihan kerja difabel.', 'Mekarsari'],
  ['gowes', 'Komunitas Gowes Cakrawala', 'community', 'Komunitas', 'Pesepeda yang mendorong jalur sepeda dan kota ramah pejalan kaki.', 'Pasirjaya'],
  ['forumanak', 'Forum Anak Kota Cakrawala', 'community', 'Forum', 'Wadah partisipasi anak dalam perencanaan pembangunan kota.', 'Cakrawala Selatan'],
  ['sanggar', 'Sanggar Seni Pusaka Cakrawala', 'community', 'Sanggar seni', 'Sanggar tari, gamelan, dan wayang untuk anak muda.', 'Karangmulya'],
  ['startupcakra', 'Komunitas Startup Cakrawala', 'community', 'Komunitas', 'Jejaring pendiri perusahaan rintisan, mentor, dan investor lokal.', 'Cakrawala Utara'],
  ['radiosuara', 'Radio Suara Cakrawala FM', 'media', 'Radio', 'Radio publik lokal dengan program bincang warga setiap pagi.', 'Cakrawala Utara'],
  ['cakrapos', 'Harian Cakrawala Pos', 'media', 'Surat kabar', 'Surat kabar harian dan portal berita kota.', 'Cakrawala Selatan'],
  ['cktv', 'CKTV Televisi Lokal', 'media', 'Televisi', 'Televisi lokal dengan liputan kegiatan kota dan UMKM.', 'Pasirjaya'],
  ['kabarcakra', 'Kabarcakra.id', 'media', 'Media daring', 'Media daring yang meliput teknologi dan kebijakan publik kota.', 'Sukamaju'],
  ['wargabicara', 'Podcast Warga Bicara', 'media', 'Podcast', 'Siniar yang mengangkat cerita inovator akar rumput.', 'Rawabening'],
  ['persma', 'Pers Mahasiswa Kampus Cakrawala', 'media', 'Pers mahasiswa', 'Lembaga pers mahasiswa lintas kampus.', 'Cakrawala Selatan'],
];

// ---------------------------------------------------------------------------------------
// Innovations: per sector, [title, summary], owners, likely partners

interface SectorSeed {
  sector: string;
  owners: string[];
  partners: string[];
  items: [string, string][];
}

const INNOVATION_SEEDS: SectorSeed[] = [
  {
    sector: 'public-services', owners: ['pemkot', 'disdukcapil', 'kec-sukamaju', 'brida'],
    partners: ['unikra', 'sinardata', 'relawantik', 'difabel', 'radiosuara', 'bankcakra'],
    items: [
      ['Layanan Adminduk Keliling "Si Dukun"', 'Mobil layanan kependudukan yang mendatangi kelurahan, sekolah, dan panti sesuai jadwal daring.'],
      ['Mal Pelayanan Publik Satu Pintu', 'Lebih dari 150 jenis layanan dari 20 instansi dalam satu gedung dengan antrean terpadu.'],
      ['Aduan Warga Cepat Tanggap "Lapor Cak"', 'Kanal aduan lewat WhatsApp, aplikasi, dan telepon yang diteruskan otomatis ke perangkat daerah.'],
      ['Akta Lahir Langsung dari Rumah Sakit', 'Bayi pulang dari rumah sakit sudah membawa akta kelahiran, kartu keluarga baru, dan KIA.'],
      ['Loket Ramah Difabel dan Lansia', 'Loket prioritas dengan juru bahasa isyarat, kursi roda, dan petugas pendamping.'],
      ['Kelurahan Tanpa Kertas', 'Surat pengantar dan keterangan kelurahan dibuat dan ditandatangani secara elektronik.'],
      ['Pojok Layanan di Pasar Tradisional', 'Gerai layanan perizinan usaha mikro yang buka di pasar pada hari pasaran.'],
      ['Antrean Daring Semua Loket', 'Warga memesan nomor antrean dari rumah dan mendapat pengingat saat gilirannya dekat.'],
    ],
  },
  {
    sector: 'health', owners: ['dinkes', 'rsud', 'stikes', 'klinikku'],
    partners: ['pkk', 'unikra', 'klinikku', 'bankcakra', 'cakrapos', 'difabel', 'stikes'],
    items: [
      ['Posyandu Digital "Timbang Pintar"', 'Kader posyandu mencatat tumbuh kembang balita di ponsel; risiko tengkes terdeteksi lebih dini.'],
      ['Ambulans Gratis Panggilan 112', 'Satu nomor darurat untuk ambulans dengan pelacakan armada terdekat.'],
      ['Telekonsultasi Puskesmas', 'Konsultasi video dengan dokter puskesmas untuk kontrol penyakit kronis.'],
      ['Gerakan Makan Ikan dan Sayur Lokal', 'Menu gizi seimbang berbahan pangan lokal untuk ibu hamil dan balita.'],
      ['Skrining Kesehatan Jiwa Remaja', 'Skrining daring di sekolah dengan rujukan ke psikolog puskesmas.'],
      ['Apotek Antar Obat Lansia', 'Obat rutin lansia diantar ke rumah oleh kader dan ojek mitra.'],
      ['Peta Sebaran Demam Berdarah', 'Laporan jentik nyamuk warga dipetakan untuk fogging dan PSN yang tepat sasaran.'],
      ['Rekam Medis Terpadu Antarfasilitas', 'Riwayat pasien dapat dibaca puskesmas dan RSUD dengan persetujuan pasien.'],
    ],
  },
  {
    sector: 'education', owners: ['disdik', 'unikra', 'smkn2', 'polnec'],
    partners: ['relawantik', 'forumanak', 'sinardata', 'persma', 'uin', 'kabarcakra'],
    items: [
      ['Sekolah Penggerak Literasi Digital', 'Guru dan siswa belajar memilah hoaks, keamanan akun, dan etika bermedia.'],
      ['Bimbel Gratis Relawan Mahasiswa', 'Mahasiswa mengajar anak dari keluarga prasejahtera di balai warga setiap sore.'],
      ['Perpustakaan Keliling Motor Baca', 'Motor pustaka menyinggahi gang dan taman kota dengan buku serta tablet.'],
      ['Teaching Factory Aplikasi UMKM', 'Siswa SMK membuat situs dan katalog daring untuk UMKM sebagai praktik kerja.'],
      ['Beasiswa Anak Juara Kelurahan', 'Seleksi beasiswa transparan berbasis data sekolah dan usulan kelurahan.'],
      ['Kelas Inklusi untuk Anak Berkebutuhan Khusus', 'Guru pendamping khusus dan modul ajar adaptif di sekolah reguler.'],
      ['Laboratorium Sains Bersama', 'Sekolah-sekolah kecil memakai laboratorium kampus secara bergilir.'],
      ['Aplikasi Rapor Orang Tua', 'Orang tua memantau kehadiran dan perkembangan belajar anak lewat ponsel.'],
    ],
  },
  {
    sector: 'environment', owners: ['dlh', 'banksampah', 'sampahku', 'itc'],
    partners: ['sampahku', 'banksampah', 'suryamandiri', 'karangtaruna', 'gowes', 'cktv', 'itc'],
    items: [
      ['Tabungan Emas dari Sampah', 'Nasabah bank sampah menabung hasil setoran sampah terpilah dalam bentuk emas.'],
      ['Maggot untuk Sampah Organik Pasar', 'Larva lalat tentara hitam mengurai sampah pasar menjadi pakan ternak.'],
      ['Panel Surya Atap Gedung Sekolah', 'Atap sekolah dipasangi panel surya; tagihan listrik turun dan jadi media belajar.'],
      ['Sensor Kualitas Udara Murah', 'Sensor rakitan kampus di 40 titik menampilkan indeks udara secara langsung.'],
      ['Kampung Iklim Rawabening', 'Biopori, sumur resapan, dan kebun warga mengurangi genangan di musim hujan.'],
      ['Jemput Sampah Terpilah Berbasis Aplikasi', 'Warga memesan penjemputan sampah terpilah dan mendapat poin.'],
      ['Refill Station Bebas Plastik', 'Titik isi ulang air minum dan sabun di kantor pemerintahan dan kampus.'],
      ['Hutan Kota Adopsi Pohon', 'Warga dan perusahaan mengadopsi pohon dan memantau pertumbuhannya secara daring.'],
    ],
  },
  {
    sector: 'msme', owners: ['diskopukm', 'bankcakra', 'koptani', 'pasarin'],
    partners: ['bankcakra', 'angkasalog', 'kriyabambu', 'kopilereng', 'startupcakra', 'polnec', 'uin', 'cktv'],
    items: [
      ['Kredit Usaha Tanpa Agunan "Cakra Modal"', 'Pinjaman mikro berbunga rendah dengan penilaian kelayakan dari riwayat transaksi digital.'],
      ['Katalog Elektronik Produk Lokal', 'Belanja pemerintah daerah memprioritaskan produk UMKM melalui katalog daring.'],
      ['Pasar Tani Mingguan Daring', 'Petani menjual sayur langsung ke warga lewat pesanan daring dan titik ambil.'],
      ['Rumah Kemasan UMKM', 'Fasilitas desain dan cetak kemasan bersama dengan harga terjangkau.'],
      ['Sertifikasi Halal Gratis Usaha Mikro', 'Pendampingan dan biaya sertifikasi halal ditanggung untuk usaha mikro.'],
      ['Gudang Bersama dan Kurir UMKM', 'Ruang simpan dan pengiriman bersama menekan ongkos logistik pelaku usaha.'],
      ['QRIS untuk Pedagang Kaki Lima', 'Pedagang kaki lima menerima pembayaran digital dan mulai punya catatan usaha.'],
      ['Klinik Ekspor Kerajinan Bambu', 'Pendampingan kurasi, standar mutu, dan pameran daring untuk perajin.'],
    ],
  },
  {
    sector: 'transport', owners: ['dishub', 'itc', 'pemkot', 'angkasalog'],
    partners: ['gowes', 'itc', 'sinardata', 'difabel', 'kabarcakra', 'bankcakra'],
    items: [
      ['Bus Kota Listrik "Cakra Trans"', 'Koridor bus listrik dengan pembayaran nontunai dan jadwal yang bisa dipantau.'],
      ['Jalur Sepeda Terproteksi', 'Jalur sepeda dengan pembatas fisik menghubungkan kampus, pasar, dan stasiun.'],
      ['Parkir Elektronik Tepi Jalan', 'Juru parkir memakai mesin pembayaran nontunai; pendapatan parkir tercatat.'],
      ['Lampu Lalu Lintas Adaptif', 'Durasi lampu menyesuaikan panjang antrean kendaraan yang terdeteksi kamera.'],
      ['Angkot Terintegrasi Satu Tarif', 'Angkot menjadi pengumpan bus kota dengan tarif terusan satu kali bayar.'],
      ['Halte Ramah Disabilitas', 'Halte dengan ramp, ubin pemandu, dan informasi suara kedatangan bus.'],
      ['Aplikasi Info Lalu Lintas Warga', 'Laporan kemacetan dan jalan rusak dari warga tampil di peta kota.'],
      ['Zona Aman Sekolah', 'Marka, pembatas kecepatan, dan petugas penyeberang di sekitar sekolah dasar.'],
    ],
  },
  {
    sector: 'digital-governance', owners: ['diskominfo', 'brida', 'sinardata', 'itc'],
    partners: ['sinardata', 'itc', 'relawantik', 'unikra', 'kabarcakra', 'startupcakra'],
    items: [
      ['Satu Data Kota Cakrawala', 'Portal data terbuka dengan lebih dari 600 dataset dari seluruh perangkat daerah.'],
      ['Tanda Tangan Elektronik ASN', 'Naskah dinas ditandatangani secara elektronik dan dapat diverifikasi publik.'],
      ['Dasbor Kinerja Kota', 'Indikator pembangunan diperbarui bulanan dan dapat dipantau warga.'],
      ['Musrenbang Daring', 'Usulan pembangunan warga dikirim, dipantau, dan diberi suara secara daring.'],
      ['Super App Warga "Cakra Kita"', 'Satu aplikasi untuk aduan, perizinan, pajak, dan informasi kota.'],
      ['Pusat Keamanan Siber Pemda', 'Tim tanggap insiden siber dan pemantauan situs pemerintah kota.'],
      ['Pengadaan Terbuka', 'Seluruh tahapan pengadaan barang dan jasa dapat ditelusuri publik.'],
      ['Kelas Digital untuk ASN', 'Pelatihan analisis data dan desain layanan bagi aparatur sipil negara.'],
    ],
  },
  {
    sector: 'culture', owners: ['disbudpar', 'sanggar', 'uin', 'polnec'],
    partners: ['sanggar', 'kopilereng', 'radiosuara', 'cktv', 'wargabicara', 'karangtaruna', 'forumanak'],
    items: [
      ['Festival Kampung Budaya', 'Setiap kampung menampilkan kuliner, seni, dan sejarah lokalnya bergiliran.'],
      ['Arsip Digital Naskah Kuno', 'Naskah dan foto lama kota didigitalkan dan dapat diakses di perpustakaan daerah.'],
      ['Sekolah Gamelan Anak Muda', 'Kelas gamelan gratis dengan pertunjukan rutin di taman kota.'],
      ['Tur Jalan Kaki Kota Lama', 'Pemandu muda mengajak wisatawan menelusuri bangunan bersejarah.'],
      ['Galeri UMKM Kriya di Museum', 'Museum kota menjadi etalase produk kriya perajin lokal.'],
      ['Podcast Sejarah Kampung', 'Warga lanjut usia menuturkan sejarah kampung untuk generasi muda.'],
      ['Panggung Seni Ramah Disabilitas', 'Pertunjukan dengan juru bahasa isyarat dan deskripsi audio.'],
      ['Kalender Budaya Terpadu', 'Agenda seni dan budaya kota dikumpulkan dalam satu kalender daring.'],
    ],
  },
];

const STAGES: InnovationStage[] = ['initiative', 'trial', 'implemented'];
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

// ---------------------------------------------------------------------------------------

export interface DemoData {
  content: Content;
  ideas: AdminIdea[];
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function wall(dateIso: string, time: string): string {
  return `${dateIso}T${time}:00`;
}

/** Builds the whole demo ecosystem for a given "today" (`YYYY-MM-DD` in the city). */
export function buildDemoData(today: string, seed = 20251113): DemoData {
  const rand = random(seed);
  const byId = new Map(STAKEHOLDERS.map((s) => [s[0], s]));

  // Stakeholders spread around the city centre, each in its own district.
  const centre = { lat: -6.2415, lng: 106.9924 };
  const stakeholders: Content['stakeholders'] = STAKEHOLDERS.map(([id, name, helix, kind, description, district]) => {
    const d = DISTRICTS.indexOf(district);
    const angle = (d / DISTRICTS.length) * 2 * Math.PI + rand() * 0.5;
    const radius = 0.012 + rand() * 0.035;
    return {
      id: `sh-${id}`, name, helix, kind, description,
      website: `${SITE}/mitra/${id}`,
      logo: { url: `images/logo/sh-${id}.svg`, alt: `Logo ${name}` },
      location: {
        lat: Math.round((centre.lat + Math.sin(angle) * radius) * 1e5) / 1e5,
        lng: Math.round((centre.lng + Math.cos(angle) * radius) * 1e5) / 1e5,
        address: `Jl. ${pick(rand, ['Merdeka', 'Sudirman', 'Pahlawan', 'Cendana', 'Melati', 'Siliwangi', 'Veteran', 'Ahmad Yani'])} No. ${1 + Math.floor(rand() * 180)}, ${district}, ${CITY}`,
      },
    };
  });

  // Programs, anchored on today so that some are open, some upcoming, some closed.
  const program = (
    id: string, title: string, summary: string, kind: Content['programs'][number]['kind'], organizer: string,
    sectors: string[], audience: Helix[], opensIn: number, closesIn: number, description: string, eligibility?: string,
  ): Content['programs'][number] => ({
    id: `pr-${id}`, title, summary, kind, organizerId: `sh-${organizer}`, sectors, audience,
    opensOn: addDays(today, opensIn), closesOn: addDays(today, closesIn), description,
    ...(eligibility ? { eligibility } : {}),
    website: `${SITE}/program/${id}`,
    image: { url: `images/program/pr-${id}.svg`, alt: `Spanduk program ${title}` },
  });
  const programs: Content['programs'] = [
    program('tantangan-layanan', 'Tantangan Inovasi Layanan Publik', 'Kirim ide untuk mempersingkat antrean dan mempermudah urusan warga di kelurahan.', 'challenge', 'brida',
      ['public-services', 'digital-governance'], ['government', 'academia', 'business', 'community', 'media'], -20, 18,
      'BRIDA mengundang warga, ASN, mahasiswa, dan pelaku usaha mengirim gagasan yang membuat layanan publik lebih cepat, mudah, dan ramah.\n\nTiga ide terbaik diuji coba selama tiga bulan di Kecamatan Sukamaju bersama tim pendamping.',
      'Terbuka untuk warga Kota Cakrawala berusia 17 tahun ke atas, perorangan atau tim.'),
    program('kota-hijau', 'Kompetisi Ide Kota Hijau', 'Gagasan warga untuk sampah, air, dan udara kota yang lebih bersih.', 'challenge', 'dlh',
      ['environment'], ['community', 'academia', 'business'], -10, 30,
      'Dinas Lingkungan Hidup mencari ide yang bisa dijalankan di tingkat RW: pengurangan sampah plastik, resapan air, dan penghijauan.\n\nPemenang mendapat dana pelaksanaan dan pendampingan dari kampus mitra.',
      'Kelompok warga, komunitas, sekolah, dan kampus di Kota Cakrawala.'),
    program('hackathon-data', 'Hackathon Data Kota', 'Dua hari membangun aplikasi dari data terbuka kota.', 'challenge', 'diskominfo',
      ['digital-governance', 'transport'], ['academia', 'business', 'community'], -120, -60,
      'Peserta memakai dataset Satu Data Kota Cakrawala untuk membangun purwarupa layanan.'),
    program('inkubator-4', 'Inkubator Startup Cakrawala Batch 4', 'Enam bulan pendampingan untuk perusahaan rintisan berdampak sosial.', 'incubation', 'unikra',
      ['msme', 'health', 'education', 'environment'], ['business', 'academia', 'community'], -5, 12,
      'Inkubator Universitas Cakrawala menerima 12 tim untuk program enam bulan: mentor, ruang kerja, akses uji coba di perangkat daerah, dan demo day di hadapan investor.',
      'Tim berisi 2 sampai 5 orang dengan purwarupa yang sudah bisa dicoba.'),
    program('umkm-naik-kelas', 'Akselerator UMKM Naik Kelas', 'Pendampingan intensif agar UMKM siap masuk pasar daring dan ekspor.', 'incubation', 'diskopukm',
      ['msme', 'culture'], ['business', 'community'], 21, 60,
      'Program akselerasi 10 minggu: pembukuan, kemasan, foto produk, sertifikasi, dan pemasaran digital.',
      'UMKM dengan omzet di bawah Rp 2 miliar setahun yang berdomisili di Kota Cakrawala.'),
    program('sekolah-inovasi-asn', 'Sekolah Inovasi ASN', 'Kelas desain layanan dan analisis data untuk aparatur sipil negara.', 'training', 'brida',
      ['public-services', 'digital-governance'], ['government'], -30, 45,
      'Delapan pertemuan tentang memetakan masalah warga, merancang purwarupa, dan mengukur dampak inovasi.'),
    program('desain-layanan-komunitas', 'Pelatihan Desain Layanan untuk Komunitas', 'Belajar merancang layanan bersama warga dengan metode design thinking.', 'training', 'relawantik',
      ['public-services', 'education'], ['community', 'media'], 10, 40,
      'Pelatihan empat sesi untuk pengurus komunitas dan jurnalis warga.'),
    program('hibah-riset-2025', 'Hibah Riset Terapan Daerah', 'Dana riset untuk kampus yang menjawab masalah prioritas kota.', 'funding', 'brida',
      ['health', 'environment', 'transport'], ['academia'], -200, -100,
      'Hibah hingga Rp 150 juta per judul riset dengan mitra perangkat daerah.'),
    program('dana-padanan', 'Dana Padanan Inovasi Kampung', 'Dana pendamping untuk inovasi warga yang sudah berjalan di tingkat RW.', 'funding', 'pemkot',
      ['environment', 'health', 'culture'], ['community'], -15, 25,
      'Pemerintah kota menambah satu rupiah untuk setiap rupiah swadaya warga, hingga Rp 25 juta per kampung.',
      'Kelompok warga berbadan hukum atau didampingi kelurahan.'),
    program('hibah-sosial-2026', 'Hibah Inovasi Sosial', 'Pendanaan tahap awal untuk inovasi sosial yang melibatkan kelompok rentan.', 'funding', 'bankcakra',
      ['health', 'education', 'public-services'], ['community', 'business'], 40, 100,
      'Dana tanggung jawab sosial Bank Cakrawala untuk inovasi yang melibatkan difabel, lansia, dan anak.'),
  ];

  // Innovations: eight per sector, every stage, both types, years 2019–2026, with partners.
  const innovations: Content['innovations'] = [];
  const collaborations: Collaboration[] = [];
  const helixKinds: Record<Helix, string> = {
    government: 'kemitraan', academia: 'riset', business: 'pendanaan', community: 'pelibatan-warga', media: 'publikasi',
  };
  const programFor: Record<string, string> = {
    'public-services': 'pr-tantangan-layanan', 'digital-governance': 'pr-hackathon-data', 'health': 'pr-hibah-riset-2025',
    'environment': 'pr-dana-padanan', 'msme': 'pr-inkubator-4', 'transport': 'pr-hibah-riset-2025',
  };
  let n = 0;
  INNOVATION_SEEDS.forEach((group, groupIndex) => {
    group.items.forEach(([title, summary], index) => {
      n++;
      const id = `inv-${String(n).padStart(3, '0')}`;
      const ownerKey = group.owners[index % group.owners.length]!;
      // 3 is coprime with 8, so each sector spreads over all eight years.
      const year = YEARS[(index * 3 + groupIndex) % YEARS.length]!;
      const stage = year >= 2025 ? STAGES[index % 2]! : STAGES[(index + n) % 3]!;
      const type: InnovationType = /digital|aplikasi|daring|elektronik|sensor|data|dasbor|app|qris|tele|peta|rekam|siber|antrean|katalog|podcast|arsip/i.test(title)
        ? 'digital' : 'non_digital';
      const partnerKeys = new Set<string>();
      const wanted = 1 + Math.floor(rand() * 3);
      while (partnerKeys.size < wanted) {
        const candidate = pick(rand, group.partners);
        if (candidate !== ownerKey) partnerKeys.add(candidate);
      }
      const partnerIds = [...partnerKeys].map((k) => `sh-${k}`);
      const owner = byId.get(ownerKey)!;
      const month = 1 + Math.floor(rand() * 12);
      const startedOn = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const users = Math.round(500 + rand() * 40000);
      const programId = index === 2 || index === 5 ? programFor[group.sector] : undefined;
      innovations.push({
        id, title, summary, sector: group.sector, stage, type, year, ownerId: `sh-${ownerKey}`, partnerIds,
        ...(programId ? { programId } : {}),
        description: `${summary}\n\nInovasi ini lahir dari keluhan warga yang disampaikan lewat musyawarah kelurahan dan kanal aduan kota. ${owner[1]} merancangnya bersama ${partnerIds.length} mitra dari unsur pentahelix, dimulai dengan uji coba kecil sebelum diperluas.\n\n${stage === 'implemented' ? 'Kini inovasi ini sudah diterapkan di seluruh kota dan menjadi bagian dari layanan rutin.' : stage === 'trial' ? 'Saat ini inovasi sedang diuji coba di beberapa kelurahan; hasilnya dievaluasi setiap tiga bulan.' : 'Inovasi ini masih berupa inisiatif yang sedang dimatangkan bersama calon pengguna.'}`,
        images: [
          { url: `images/innovation/${id}.svg`, alt: `Ilustrasi inovasi ${title}` },
          ...(index % 3 === 0 ? [{ url: `images/innovation/${id}--2.svg`, alt: `Kegiatan ${title} bersama warga` }] : []),
        ],
        ...(index % 2 === 0 ? { website: `${SITE}/inovasi/${id}` } : {}),
        contactEmail: `inovasi.${ownerKey}@cakrawalakota.example`,
        startedOn,
        ...(stage === 'implemented' ? { metrics: [
          { label: 'Warga terlayani', value: users.toLocaleString('id-ID') },
          { label: 'Kelurahan', value: String(3 + Math.floor(rand() * 30)) },
          { label: 'Kepuasan pengguna', value: `${(80 + rand() * 18).toFixed(1).replace('.', ',')}%` },
        ] } : {}),
        createdAt: `${startedOn}T08:00:00.000Z`,
      });
      for (const partnerId of partnerIds) {
        const helix = byId.get(partnerId.slice(3))![2];
        collaborations.push({ source: `sh-${ownerKey}`, target: partnerId, kind: helixKinds[helix], innovationId: id, weight: 1 + Math.floor(rand() * 3) });
      }
    });
  });
  // Memoranda of understanding that are not tied to one innovation.
  const mous: [string, string][] = [
    ['pemkot', 'unikra'], ['pemkot', 'itc'], ['pemkot', 'bankcakra'], ['brida', 'lpmunikra'], ['brida', 'startupcakra'],
    ['diskominfo', 'relawantik'], ['dinkes', 'stikes'], ['disdik', 'smkn2'], ['dlh', 'banksampah'], ['dishub', 'gowes'],
    ['disbudpar', 'sanggar'], ['diskopukm', 'koptani'], ['diskopukm', 'pasarin'], ['pemkot', 'radiosuara'], ['brida', 'cakrapos'],
    ['unikra', 'persma'], ['itc', 'sinardata'], ['startupcakra', 'kopilereng'], ['pkk', 'forumanak'], ['karangtaruna', 'wargabicara'],
    ['difabel', 'disdukcapil'], ['angkasalog', 'kriyabambu'], ['uin', 'suryamandiri'], ['polnec', 'klinikku'], ['cktv', 'disbudpar'],
    ['kabarcakra', 'diskominfo'], ['sampahku', 'dlh'], ['rsud', 'klinikku'], ['kec-sukamaju', 'karangtaruna'], ['wargabicara', 'startupcakra'],
  ];
  for (const [a, b] of mous) collaborations.push({ source: `sh-${a}`, target: `sh-${b}`, kind: 'nota-kesepahaman', weight: 1 });

  return { content: {
    sectors: SECTORS, eventCategories: EVENT_CATEGORIES, helixes: HELIXES,
    stakeholders, programs, innovations, collaborations, events: buildEvents(today, rand),
  }, ideas: buildIdeas(today, rand) };
}

// ---------------------------------------------------------------------------------------
// Events: three months around today, in Asia/Jakarta

function weekdayOf(dateIso: string): number {
  return new Date(floating(parseWall(dateIso))).getUTCDay();
}

/** The first date on or after `dateIso` that falls on `weekday` (0 = Sunday). */
function nextWeekday(dateIso: string, weekday: number): string {
  return addDays(dateIso, (weekday - weekdayOf(dateIso) + 7) % 7);
}

function buildEvents(today: string, rand: () => number): Content['events'] {
  const tz = CITY_TIME_ZONE;
  const hall = (name: string, address: string) => ({
    name, address: `${address}, ${CITY}`,
    lat: Math.round((-6.2415 + (rand() - 0.5) * 0.06) * 1e5) / 1e5,
    lng: Math.round((106.9924 + (rand() - 0.5) * 0.06) * 1e5) / 1e5,
  });
  const places = {
    brida: hall('Ruang Kolaborasi BRIDA', 'Jl. Merdeka No. 12'),
    mpp: hall('Mal Pelayanan Publik', 'Jl. Sudirman No. 45'),
    unikra: hall('Auditorium Universitas Cakrawala', 'Jl. Pendidikan No. 1'),
    itc: hall('Laboratorium Kota Cerdas ITC', 'Jl. Ganesha Raya No. 10'),
    alun: hall('Alun-Alun Kota Cakrawala', 'Jl. Alun-Alun Utara'),
    gor: hall('GOR Sukamaju', 'Jl. Olahraga No. 3'),
    kopi: hall('Kedai Kopi Lereng', 'Jl. Melati No. 27'),
    museum: hall('Museum Kota Cakrawala', 'Jl. Veteran No. 8'),
  };
  type EventSeed = Content['events'][number];
  const events: EventSeed[] = [];
  const timed = (
    id: string, day: number, from: string, to: string, title: string, description: string, category: string,
    extra: Partial<EventSeed> & { days?: number } = {},
  ) => {
    const date = addDays(today, day);
    const { days, ...rest } = extra;
    events.push({
      id: `ev-${id}`, title, description, startLocal: wall(date, from), endLocal: wall(addDays(date, days ?? 0), to),
      allDay: false, timeZone: tz, category, ...rest,
    });
  };
  const allDay = (id: string, day: number, days: number, title: string, description: string, category: string, extra: Partial<EventSeed> = {}) => {
    const date = addDays(today, day);
    events.push({
      id: `ev-${id}`, title, description, startLocal: wall(date, '00:00'), endLocal: wall(addDays(date, days), '00:00'),
      allDay: true, timeZone: tz, category, ...extra,
    });
  };
  const reg = (slug: string) => `${SITE}/agenda/${slug}/daftar`;
  const online = (slug: string) => `https://rapat.cakrawalakota.example/${slug}`;

  // Recurring series.
  const tuesday = nextWeekday(addDays(today, -35), 2);
  events.push({
    id: 'ev-klinik-inovasi', title: 'Klinik Inovasi Mingguan',
    description: 'Konsultasi gratis untuk siapa saja yang sedang menyiapkan inovasi: datang dengan idemu, pulang dengan langkah berikutnya.\n\nTanpa pendaftaran, cukup datang.',
    startLocal: wall(tuesday, '09:00'), endLocal: wall(tuesday, '11:00'), allDay: false, timeZone: tz, category: 'workshop',
    rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=16', location: places.brida, organizerId: 'sh-brida',
  });
  const thursday = nextWeekday(addDays(today, -42), 4);
  events.push({
    id: 'ev-ngopi-inovasi', title: 'Ngopi Inovasi Daring',
    description: 'Obrolan santai dua mingguan bersama inovator kota. Setiap sesi satu tamu, satu cerita, banyak pertanyaan.',
    startLocal: wall(thursday, '19:30'), endLocal: wall(thursday, '21:00'), allDay: false, timeZone: tz, category: 'seminar',
    rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', onlineUrl: online('ngopi-inovasi'), organizerId: 'sh-startupcakra',
  });
  // The series' first date must itself match the rule (RFC 5545 leaves others undefined).
  const previousMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const monthStart = nextWeekday(`${previousMonth}-01`, 3);
  events.push({
    id: 'ev-kelas-data', title: 'Kelas Analitik Data untuk ASN',
    description: 'Kelas bulanan membaca dan menyajikan data layanan, hibrida: hadir di lab atau ikut daring.',
    startLocal: wall(monthStart, '13:00'), endLocal: wall(monthStart, '15:30'), allDay: false, timeZone: tz, category: 'training',
    rrule: 'FREQ=MONTHLY;BYDAY=1WE;COUNT=8', location: places.itc, onlineUrl: online('kelas-data'),
    organizerId: 'sh-diskominfo', programId: 'pr-sekolah-inovasi-asn',
  });

  // Single and multi-day events.
  timed('sosialisasi-tantangan', -18, '09:00', '12:00', 'Sosialisasi Tantangan Inovasi Layanan Publik', 'Penjelasan tema, syarat, dan cara mengirim ide untuk Tantangan Inovasi Layanan Publik.', 'seminar',
    { location: places.mpp, onlineUrl: online('sosialisasi-tantangan'), organizerId: 'sh-brida', programId: 'pr-tantangan-layanan', registrationUrl: reg('sosialisasi-tantangan') });
  timed('klinik-proposal', 6, '13:00', '16:00', 'Klinik Proposal Tantangan Layanan Publik', 'Sesi tanya jawab terbuka untuk menyempurnakan ide sebelum batas pengiriman.', 'workshop',
    { location: places.brida, organizerId: 'sh-brida', programId: 'pr-tantangan-layanan' });
  timed('webinar-kota-hijau', -6, '10:00', '11:30', 'Webinar: Ide Kota Hijau yang Bisa Jalan di RW', 'Belajar dari bank sampah dan kampung iklim yang sudah berhasil.', 'seminar',
    { onlineUrl: online('webinar-kota-hijau'), organizerId: 'sh-dlh', programId: 'pr-kota-hijau', registrationUrl: reg('webinar-kota-hijau') });
  timed('pameran-kota-hijau', 34, '08:00', '16:00', 'Pameran Ide Kota Hijau', 'Finalis Kompetisi Ide Kota Hijau memamerkan purwarupa mereka.', 'exhibition',
    { location: places.alun, organizerId: 'sh-dlh', programId: 'pr-kota-hijau' });
  timed('hackathon-data', -90, '09:00', '17:00', 'Hackathon Data Kota 48 Jam', 'Dua hari membangun aplikasi dari data terbuka kota, dengan mentor dari kampus dan industri.', 'hackathon',
    { days: 1, location: places.itc, organizerId: 'sh-diskominfo', programId: 'pr-hackathon-data' });
  timed('hackathon-layanan', 27, '09:00', '17:00', 'Hackathon Layanan Publik', 'Akhir pekan membangun purwarupa layanan bersama ASN dan warga pengguna.', 'hackathon',
    { days: 1, location: places.itc, onlineUrl: online('hackathon-layanan'), organizerId: 'sh-itc', registrationUrl: reg('hackathon-layanan') });
  timed('pembukaan-inkubator', -3, '09:00', '12:00', 'Pembukaan Pendaftaran Inkubator Batch 4', 'Perkenalan program, mentor, dan alumni inkubator.', 'seminar',
    { location: places.unikra, onlineUrl: online('inkubator-4'), organizerId: 'sh-unikra', programId: 'pr-inkubator-4' });
  timed('demo-day-batch-3', -25, '13:00', '17:00', 'Demo Day Inkubator Batch 3', 'Dua belas tim memaparkan hasil enam bulan inkubasi di hadapan investor.', 'pitching',
    { location: places.unikra, organizerId: 'sh-unikra' });
  timed('pitching-umkm', 45, '09:00', '15:00', 'Pitching UMKM Naik Kelas', 'UMKM peserta akselerator memaparkan rencana usaha kepada bank dan pembeli.', 'pitching',
    { location: places.mpp, organizerId: 'sh-diskopukm', programId: 'pr-umkm-naik-kelas', registrationUrl: reg('pitching-umkm') });
  timed('pelatihan-foto-produk', 12, '09:00', '12:00', 'Pelatihan Foto Produk dengan Ponsel', 'Teknik memotret produk UMKM untuk katalog daring, bawa ponsel dan satu produkmu.', 'training',
    { location: places.kopi, organizerId: 'sh-diskopukm', registrationUrl: reg('foto-produk') });
  timed('literasi-digital-lansia', -12, '09:00', '11:00', 'Kelas Literasi Digital untuk Lansia', 'Belajar video call, mengenali penipuan daring, dan memakai aplikasi layanan kota.', 'training',
    { location: places.gor, organizerId: 'sh-relawantik' });
  timed('literasi-digital-umkm', 16, '13:00', '16:00', 'Kelas Keamanan Akun untuk UMKM', 'Melindungi akun toko daring dan dompet digital dari peretasan.', 'training',
    { location: places.kopi, onlineUrl: online('keamanan-akun'), organizerId: 'sh-relawantik' });
  timed('diskusi-aksesibilitas', 3, '14:00', '16:00', 'Diskusi Publik Aksesibilitas Layanan', 'Warga difabel dan perangkat daerah membahas hambatan layanan dan solusinya.', 'community',
    { location: places.mpp, onlineUrl: online('aksesibilitas'), organizerId: 'sh-difabel' });
  timed('temu-komunitas-startup', 9, '19:00', '21:30', 'Temu Komunitas Startup Cakrawala', 'Malam jejaring pendiri, mentor, dan calon investor. Ada sesi lima menit bercerita.', 'community',
    { location: places.kopi, organizerId: 'sh-startupcakra' });
  timed('gowes-jalur-sepeda', -8, '06:00', '09:00', 'Gowes Bersama Uji Jalur Sepeda', 'Menyusuri jalur sepeda baru dan mencatat titik yang perlu diperbaiki.', 'community',
    { location: places.alun, organizerId: 'sh-gowes' });
  timed('seminar-kesehatan-jiwa', 20, '09:00', '12:00', 'Seminar Kesehatan Jiwa Remaja', 'Peluncuran hasil skrining dan layanan rujukan psikolog puskesmas.', 'seminar',
    { location: places.unikra, organizerId: 'sh-dinkes', registrationUrl: reg('kesehatan-jiwa') });
  timed('lokakarya-posyandu', 24, '08:00', '12:00', 'Lokakarya Kader Posyandu Digital', 'Pelatihan aplikasi Timbang Pintar untuk kader dari seluruh kelurahan.', 'workshop',
    { location: places.gor, organizerId: 'sh-pkk' });
  timed('webinar-satu-data', 38, '10:00', '12:00', 'Webinar Memakai Portal Satu Data', 'Cara mencari, mengunduh, dan mengutip dataset resmi kota.', 'seminar',
    { onlineUrl: online('satu-data'), organizerId: 'sh-diskominfo', registrationUrl: reg('satu-data') });
  timed('sekolah-inovasi-sesi', 1, '08:30', '15:00', 'Sekolah Inovasi ASN: Memetakan Masalah Warga', 'Sesi lapangan mewawancarai warga di Mal Pelayanan Publik.', 'training',
    { location: places.mpp, organizerId: 'sh-brida', programId: 'pr-sekolah-inovasi-asn' });
  timed('pertunjukan-gamelan', 5, '19:00', '21:00', 'Pertunjukan Gamelan Anak Muda', 'Pentas murid Sekolah Gamelan dengan juru bahasa isyarat.', 'exhibition',
    { location: places.museum, organizerId: 'sh-sanggar' });
  timed('tur-kota-lama', -15, '07:00', '10:00', 'Tur Jalan Kaki Kota Lama', 'Menelusuri bangunan bersejarah bersama pemandu muda.', 'community',
    { location: places.museum, organizerId: 'sh-disbudpar', registrationUrl: reg('tur-kota-lama') });
  timed('sosialisasi-dana-padanan', -11, '13:00', '15:00', 'Sosialisasi Dana Padanan Inovasi Kampung', 'Syarat, besaran dana, dan contoh laporan swadaya warga.', 'seminar',
    { location: places.brida, onlineUrl: online('dana-padanan'), organizerId: 'sh-pemkot', programId: 'pr-dana-padanan' });
  timed('radio-bincang-inovasi', 2, '07:00', '08:00', 'Bincang Pagi: Inovasi dari Kelurahan', 'Siaran langsung bersama lurah dan kader penggerak inovasi.', 'seminar',
    { onlineUrl: 'https://radio.cakrawalakota.example/dengar', organizerId: 'sh-radiosuara' });
  timed('pelatihan-desain-layanan', 13, '09:00', '15:00', 'Pelatihan Desain Layanan: Sesi Pertama', 'Mengenal design thinking dan membuat peta perjalanan pengguna.', 'training',
    { location: places.brida, organizerId: 'sh-relawantik', programId: 'pr-desain-layanan-komunitas' });
  timed('expo-riset', -40, '09:00', '15:00', 'Ekspo Hasil Riset Terapan', 'Penerima hibah riset memaparkan hasil dan rekomendasi kebijakan.', 'exhibition',
    { location: places.unikra, organizerId: 'sh-brida', programId: 'pr-hibah-riset-2025' });
  allDay('festival-inovasi', 18, 3, 'Festival Inovasi Kota Cakrawala', 'Tiga hari pameran inovasi perangkat daerah, kampus, startup, dan komunitas, dengan panggung diskusi dan pasar UMKM.', 'exhibition',
    { location: places.alun, organizerId: 'sh-pemkot', registrationUrl: reg('festival-inovasi') });
  allDay('hari-bebas-kendaraan', 4, 1, 'Hari Bebas Kendaraan dan Pasar Hijau', 'Jalan protokol bebas kendaraan bermotor; ada lapak bank sampah dan isi ulang.', 'community',
    { location: places.alun, organizerId: 'sh-dlh' });
  allDay('pekan-budaya', -28, 2, 'Pekan Kampung Budaya', 'Dua hari kuliner, seni, dan sejarah kampung di pusat kota.', 'exhibition',
    { location: places.museum, organizerId: 'sh-disbudpar' });
  allDay('hari-batik', 52, 1, 'Hari Batik Kota: Lomba Desain Motif Lokal', 'Lomba desain batik bermotif ikon kota, terbuka untuk pelajar dan umum.', 'exhibition',
    { location: places.museum, organizerId: 'sh-disbudpar' });
  return events;
}

// ---------------------------------------------------------------------------------------
// Ideas: a few in every status, from fictional citizens

function demoTrackingCode(rand: () => number): string {
  let code = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += TRACKING_ALPHABET[Math.floor(rand() * 32)];
  }
  return code;
}

function buildIdeas(today: string, rand: () => number): AdminIdea[] {
  const seeds: [IdeaStatus, string, string, string, string, string, Helix][] = [
    ['received', 'Tempat penitipan anak di Mal Pelayanan Publik', 'Orang tua yang mengurus dokumen harus membawa anak kecil dan menunggu berjam-jam di ruang yang ramai.', 'Sediakan ruang bermain kecil dengan pengasuh bergiliran dari kader PKK selama jam layanan.', 'public-services', 'Sri Wahyuni', 'community'],
    ['received', 'Peta lokasi pengisian air minum gratis', 'Warga dan pesepeda sulit menemukan tempat isi ulang air minum sehingga tetap membeli air kemasan.', 'Tambahkan lapisan peta titik isi ulang pada aplikasi Cakra Kita yang bisa diperbarui oleh pengelola gedung.', 'environment', 'Bagus Pratama', 'academia'],
    ['under_review', 'Jadwal bus kota di layar halte', 'Penumpang tidak tahu kapan bus berikutnya datang sehingga banyak yang memilih ojek daring.', 'Pasang layar sederhana di halte yang menampilkan perkiraan kedatangan dari data GPS bus.', 'transport', 'Dewi Lestari', 'community'],
    ['under_review', 'Kelas coding gratis di perpustakaan', 'Anak-anak di permukiman padat jarang punya akses belajar pemrograman di luar sekolah.', 'Relawan mahasiswa mengajar coding dasar setiap Sabtu di perpustakaan kelurahan memakai komputer yang ada.', 'education', 'Rizky Firmansyah', 'academia'],
    ['accepted', 'Pengingat jadwal imunisasi lewat WhatsApp', 'Banyak balita terlambat imunisasi karena orang tua lupa jadwal yang tertulis di buku KIA.', 'Kirim pengingat otomatis lewat WhatsApp berdasarkan data posyandu, dengan pilihan bahasa daerah.', 'health', 'Nur Aini', 'community'],
    ['accepted', 'Lapak UMKM di area parkir kantor pemerintah', 'Pelaku UMKM kesulitan mendapat tempat jualan yang ramai pembeli dengan sewa terjangkau.', 'Area parkir kantor pemerintah dibuka untuk pasar UMKM setiap Jumat sore dengan sistem giliran.', 'msme', 'Hendra Gunawan', 'business'],
    ['rejected', 'Aplikasi khusus untuk setiap kelurahan', 'Informasi kelurahan tersebar di banyak grup percakapan dan papan pengumuman.', 'Buat aplikasi terpisah untuk setiap kelurahan yang dikelola masing-masing lurah.', 'digital-governance', 'Agus Salim', 'business'],
    ['rejected', 'Lomba mural di semua tiang listrik', 'Tiang listrik di jalan utama penuh stiker iklan liar dan terlihat kumuh.', 'Adakan lomba mural di setiap tiang listrik dengan tema budaya kota.', 'culture', 'Putri Maharani', 'media'],
    ['implemented', 'Antrean daring untuk pembuatan KTP-el', 'Warga datang subuh untuk mendapat nomor antrean KTP-el dan sering pulang tanpa dilayani.', 'Nomor antrean dipesan daring sehari sebelumnya dengan kuota per jam.', 'public-services', 'Yusuf Hidayat', 'community'],
    ['implemented', 'Bank sampah di setiap sekolah dasar', 'Sampah plastik jajanan menumpuk di sekolah dan selokan sekitarnya.', 'Siswa menabung sampah terpilah di bank sampah sekolah; hasilnya untuk kegiatan kelas.', 'environment', 'Ratna Sari', 'academia'],
  ];
  const notes: Record<IdeaStatus, string | undefined> = {
    received: undefined,
    under_review: 'Sedang ditelaah tim BRIDA bersama perangkat daerah terkait.',
    accepted: 'Ide diterima dan dijadwalkan untuk uji coba bersama dinas terkait.',
    rejected: 'Terima kasih. Ide serupa sudah berjalan atau belum dapat dilaksanakan tahun ini.',
    implemented: 'Ide sudah diterapkan dan menjadi layanan rutin.',
  };
  const path: Record<IdeaStatus, IdeaStatus[]> = {
    received: [], under_review: ['under_review'], accepted: ['under_review', 'accepted'],
    rejected: ['under_review', 'rejected'], implemented: ['under_review', 'accepted', 'implemented'],
  };
  return seeds.map(([status, title, problem, solution, sector, name, helix], i) => {
    const daysAgo = 60 - i * 5;
    const created = addDays(today, -daysAgo);
    const at = (offset: number) => {
      const w = parseWall(addDays(created, offset));
      return new Date(floating({ ...w, hour: 2 + (i % 6), minute: Math.floor(rand() * 60) })).toISOString();
    };
    // Steps a week apart, closer for a recent idea: the last one falls yesterday at the latest
    // (at most 07:59 UTC, before today begins in the city), never after now.
    const steps = path[status].length;
    const gap = Math.min(7, Math.floor((daysAgo - 4) / Math.max(1, steps - 1)));
    const history: AdminIdea['history'] = [{ status: 'received', at: at(0) }];
    path[status].forEach((s, k) => {
      const note = notes[s];
      history.push({ status: s, at: at(3 + k * gap), ...(note ? { note } : {}) });
    });
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@surel.example`;
    return {
      id: `idea_demo${String(i + 1).padStart(2, '0')}`,
      trackingCode: demoTrackingCode(rand),
      status,
      createdAt: history[0]!.at,
      updatedAt: history.at(-1)!.at,
      history,
      title, problem, solution, sector,
      location: `Kelurahan ${pick(rand, DISTRICTS)}`,
      submitter: { name, email, phone: `+62812${String(10000000 + Math.floor(rand() * 89999999))}`, helix },
      consent: true,
    };
  });
}
