"""The fixed master data of the demo database: channels, vendors, products, users, reasons (no Qt).

Everything here is plain data. The seeded generator (``demo.generator``) draws orders, RMAs
and their details from it, so a demo always shows the same recognisable catalogue.
"""

from __future__ import annotations

from dataclasses import dataclass

from receiving_app.users import Role

ELECTRONICS, APPAREL, HOME = "electronics", "apparel", "home"


@dataclass(frozen=True)
class ChannelSpec:
    """A sales channel, how often it sells, and the couriers its customers send returns with."""

    code: str
    name: str
    weight: int
    chinese: bool
    couriers: tuple[tuple[str, int], ...]
    """``(courier key, weight)``; the keys are those of ``demo.tracking.TRACKING_FORMATS``."""
    no_tracking_percent: int
    ref_prefix: str
    """How the channel's own customer references start (``tb_`` for a Taobao buyer)."""


_DOMESTIC = (
    ("zto", 25),
    ("yto", 20),
    ("yunda", 15),
    ("jt_express", 15),
    ("sf_express", 15),
    ("jd_logistics", 5),
    ("china_post_s10", 5),
)
CHANNELS: tuple[ChannelSpec, ...] = (
    ChannelSpec(
        "web",
        "Own web shop",
        15,
        False,
        (
            ("ups", 20),
            ("fedex", 18),
            ("usps_20", 10),
            ("usps_22", 10),
            ("dhl", 20),
            ("china_post_s10", 12),
            ("sf_express", 10),
        ),
        10,
        "C",
    ),
    ChannelSpec("taobao", "Taobao 淘宝", 30, True, _DOMESTIC, 10, "tb_"),
    ChannelSpec(
        "jd",
        "JD.com 京东",
        25,
        True,
        (
            ("jd_logistics", 70),
            ("sf_express", 20),
            ("zto", 10),
        ),
        5,
        "jd_",
    ),
    ChannelSpec("pinduoduo", "Pinduoduo 拼多多", 15, True, _DOMESTIC, 12, "pdd_"),
    ChannelSpec("wechat", "WeChat shop 微信小店", 8, True, _DOMESTIC, 15, "wx_"),
    ChannelSpec(
        "store",
        "Store (Shanghai Jing'an)",
        7,
        False,
        (
            ("sf_express", 40),
            ("jd_logistics", 20),
            ("zto", 20),
            ("yto", 20),
        ),
        50,
        "M",
    ),
)


@dataclass(frozen=True)
class VendorSpec:
    code: str
    name: str
    return_window_days: int
    """0: the vendor takes nothing back; otherwise the days after sale it accepts returns."""
    gs1_prefix: str
    """The vendor's GS1 country code (``69`` China, ``40`` Germany) opening its company prefix."""


VENDORS: tuple[VendorSpec, ...] = (
    VendorSpec("SZBW", "Shenzhen Brightway Electronics Co., Ltd. 深圳明途电子", 90, "69"),
    VendorSpec("DGSM", "Dongguan Soundmark Audio Co., Ltd. 东莞声标音频", 60, "69"),
    VendorSpec("HZTX", "Hangzhou Silkroad Textile Co., Ltd. 杭州丝路纺织", 30, "69"),
    VendorSpec("GZFS", "Guangzhou Fashion Source Trading 广州时尚源", 0, "69"),
    VendorSpec("NBHW", "Ningbo Homeware Industries 宁波家居实业", 60, "69"),
    VendorSpec("FSCK", "Foshan Ceramics & Kitchen Co. 佛山陶瓷厨具", 0, "69"),
    VendorSpec("NORD", "Nordlicht Haushalt GmbH", 30, "40"),
    VendorSpec("YWSG", "Yiwu Small Goods Trading 义乌小商品", 0, "69"),
)


@dataclass(frozen=True)
class ProductSpec:
    sku: str
    name: str
    category: str
    vendor: str
    price: int
    """List price in yuan; the generator derives unit cost and discounted sale prices."""
    warranty_months: int


def _products() -> tuple[ProductSpec, ...]:
    electronics = (
        ("蓝牙耳机 Pro", "DGSM", 399, 12),
        ("Wireless Earbuds Lite", "DGSM", 199, 12),
        ("Noise-Cancelling Headphones H7", "DGSM", 899, 24),
        ("智能手表 S3", "SZBW", 1299, 24),
        ("Fitness Band 6", "SZBW", 249, 12),
        ("充电宝 20000mAh", "SZBW", 159, 12),
        ("USB-C Charger 65W", "SZBW", 129, 12),
        ("Mechanical Keyboard K87", "SZBW", 459, 24),
        ("Wireless Mouse M2", "SZBW", 99, 12),
        ("4K Webcam C4", "SZBW", 499, 24),
        ("Portable SSD 1TB", "SZBW", 699, 24),
        ("智能音箱 Mini", "DGSM", 299, 12),
        ("Bluetooth Speaker Go", "DGSM", 349, 12),
        ("Action Camera X3", "SZBW", 1599, 24),
        ('Android Tablet 10.1"', "SZBW", 1199, 24),
        ("E-Reader Paper 6", "SZBW", 899, 24),
        ("Dash Cam D1", "SZBW", 399, 12),
        ("电动牙刷 Sonic 5", "NORD", 259, 24),
        ("Robot Vacuum R5", "NBHW", 1899, 24),
        ("空气净化器 A3", "NBHW", 1099, 24),
    )
    apparel = (
        ("羽绒服 女款 Down Jacket M", "HZTX", 699, 3),
        ("Men's Down Jacket L", "HZTX", 799, 3),
        ("Running Shoes 42", "GZFS", 459, 3),
        ("Running Shoes 39", "GZFS", 459, 3),
        ("Cotton T-Shirt White M", "GZFS", 79, 0),
        ("Cotton T-Shirt Black L", "GZFS", 79, 0),
        ("Slim Denim Jeans 32", "GZFS", 259, 0),
        ("连衣裙 夏季 Floral Dress S", "HZTX", 329, 0),
        ("Merino Wool Sweater M", "HZTX", 499, 0),
        ("Hoodie Grey XL", "GZFS", 199, 0),
        ("Sports Leggings M", "GZFS", 159, 0),
        ("Rain Jacket Navy L", "HZTX", 399, 1),
        ("真丝围巾 Silk Scarf", "HZTX", 299, 0),
        ("Baseball Cap", "YWSG", 69, 0),
        ("Winter Boots 40", "GZFS", 599, 3),
        ("Polo Shirt Blue M", "GZFS", 149, 0),
        ("Chino Trousers 30", "GZFS", 229, 0),
        ("睡衣套装 Pyjama Set L", "HZTX", 189, 0),
        ("Sports Socks 5-pack", "YWSG", 49, 0),
        ("Kids' Fleece Jacket 120", "HZTX", 169, 0),
    )
    home = (
        ("不粘锅 Non-stick Pan 28cm", "FSCK", 189, 3),
        ("Steel Kettle 1.7L", "NORD", 149, 3),
        ("Ceramic Dinner Set 16 pcs", "FSCK", 399, 0),
        ("Bath Towel Set 4 pcs", "NBHW", 159, 0),
        ("Memory Foam Pillow", "NBHW", 229, 1),
        ("四件套 Bedding Set 1.8m", "NBHW", 459, 0),
        ("LED Desk Lamp", "NORD", 179, 3),
        ("Storage Boxes 3-pack", "YWSG", 99, 0),
        ("Glass Food Boxes 5 pcs", "FSCK", 129, 0),
        ("Kitchen Knife Set 6 pcs", "NORD", 349, 3),
        ("保温杯 Thermos Cup 500ml", "NBHW", 119, 1),
        ("Bamboo Cutting Board", "YWSG", 69, 0),
        ("Blackout Curtains 2 panels", "NBHW", 259, 0),
        ("电饭煲 Rice Cooker 3L", "NBHW", 399, 3),
        ("Cast Iron Casserole 24cm", "NORD", 499, 3),
        ("Aroma Diffuser", "YWSG", 139, 1),
        ("Silent Wall Clock 30cm", "YWSG", 89, 1),
        ("Laundry Basket", "YWSG", 59, 0),
        ("竹制鞋架 Bamboo Shoe Rack", "NBHW", 149, 0),
        ("Wool Throw Blanket", "NORD", 289, 0),
    )
    specs: list[ProductSpec] = []
    for prefix, first, category, rows in (
        ("EL", 1001, ELECTRONICS, electronics),
        ("AP", 2001, APPAREL, apparel),
        ("HM", 3001, HOME, home),
    ):
        for offset, (name, vendor, price, warranty) in enumerate(rows):
            specs.append(
                ProductSpec(f"{prefix}-{first + offset}", name, category, vendor, price, warranty)
            )
    return tuple(specs)


PRODUCTS: tuple[ProductSpec, ...] = _products()


@dataclass(frozen=True)
class UserSpec:
    name: str
    display_name: str
    role: Role


USERS: tuple[UserSpec, ...] = (
    UserSpec("liwei", "Li Wei", Role.DOCK),
    UserSpec("wangfang", "Wang Fang", Role.DOCK),
    UserSpec("zhangmin", "Zhang Min", Role.INSPECTOR),
    UserSpec("chenjie", "Chen Jie", Role.INSPECTOR),
    UserSpec("samtaylor", "Sam Taylor", Role.SUPERVISOR),
    UserSpec("liuyang", "Liu Yang", Role.ADMIN),
)
DEMO_PIN = "1234"
STATION_CODE, STATION_NAME = "DOCK-1", "Returns dock 1"

REASON_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    ELECTRONICS: (
        ("defective", 40),
        ("damaged_in_transit", 15),
        ("wrong_item_sent", 8),
        ("not_as_described", 15),
        ("no_longer_needed", 22),
    ),
    APPAREL: (
        ("size_fit", 38),
        ("not_as_described", 15),
        ("no_longer_needed", 22),
        ("damaged_in_transit", 7),
        ("wrong_item_sent", 8),
        ("defective", 10),
    ),
    HOME: (
        ("damaged_in_transit", 30),
        ("defective", 20),
        ("wrong_item_sent", 8),
        ("not_as_described", 15),
        ("no_longer_needed", 27),
    ),
}
OUTCOME_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    "defective": (("repair", 40), ("exchange", 30), ("refund", 30)),
    "damaged_in_transit": (("exchange", 50), ("refund", 50)),
    "wrong_item_sent": (("exchange", 60), ("refund", 40)),
    "not_as_described": (("refund", 80), ("exchange", 20)),
    "no_longer_needed": (("refund", 100),),
    "size_fit": (("exchange", 70), ("refund", 30)),
}
CUSTOMER_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # (English, Chinese): what customers type into the channel's return form.
    "defective": (
        (
            "Stopped working after two days.",
            "Won't charge any more.",
            "Left side has no sound.",
            "Screen flickers and then goes black.",
            "Makes a loud rattling noise.",
        ),
        ("用了两天就坏了", "充不进电", "左耳没有声音", "屏幕一直闪", "开机就死机，请处理"),
    ),
    "damaged_in_transit": (
        (
            "Box arrived crushed, item is cracked.",
            "Glass broken on arrival.",
            "Parcel was wet and the item is damaged.",
        ),
        ("收到时外箱压坏了，商品有裂痕", "快递摔坏了", "包裹湿了，东西也坏了"),
    ),
    "wrong_item_sent": (
        (
            "I ordered black but got white.",
            "This is not the model I ordered.",
            "Received someone else's order.",
        ),
        ("发错颜色了", "型号不对", "收到的不是我买的东西"),
    ),
    "not_as_described": (
        (
            "Colour looks nothing like the photos.",
            "Material feels cheap, not as described.",
            "Much smaller than the listing says.",
        ),
        ("颜色和图片差太多", "质量和描述不符", "实物比图片小很多"),
    ),
    "no_longer_needed": (
        ("Changed my mind.", "Bought a second one by mistake.", "Found it cheaper elsewhere."),
        ("不想要了", "拍错了，多买了一件", "七天无理由退货"),
    ),
    "size_fit": (
        ("Too small, need one size up.", "Too big around the waist.", "Shoes are too narrow."),
        ("尺码偏小，换大一码", "太大了", "鞋子有点挤脚，想换一双"),
    ),
}

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗"
GIVEN_NAMES = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
