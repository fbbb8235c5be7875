// Stand-in for a stylesheet import (Taro bundles .scss; jsdom tests need none of it).
export default {};
